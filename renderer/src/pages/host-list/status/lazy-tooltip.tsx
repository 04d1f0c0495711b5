// A tooltip that costs nothing until it is wanted: a thousand rows of antd Tooltips (each a trigger
// with its own hooks and listeners) made every status batch slow to render. The plain span turns into
// a real Tooltip on the first hover or keyboard focus, opened at once.
import { useState, type ReactNode } from 'react';
import { Tooltip } from 'antd';

export function LazyTooltip({ title, children }: { title: ReactNode; children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  if (wanted)
    return (
      <Tooltip title={title} defaultOpen>
        <span>{children}</span>
      </Tooltip>
    );
  return (
    <span onMouseEnter={() => setWanted(true)} onFocus={() => setWanted(true)}>
      {children}
    </span>
  );
}
