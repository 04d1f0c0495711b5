// Solid tag colours for states an operator must notice. antd's preset warning/success tags (light
// background, coloured text) fall below WCAG AA contrast; white text on these darker fills meets it.
export const WARNING_TAG = '#ad4e00';
export const ERROR_TAG = '#cf1322';
export const ON_TAG = '#237804';
