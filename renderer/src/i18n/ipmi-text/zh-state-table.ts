// The shape of a zh-CN state table: the same as main's English one, [offset, text, event data 2 the
// text is for (absent = any)], keyed by event/reading type (generic) or sensor type (0x6F).
export type ZhStateEntry = readonly [offset: number, text: string, data2?: number];
export type ZhStateTable = Readonly<Record<number, readonly ZhStateEntry[]>>;
