import { Paper, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableScrollRegion } from './scroll-region.tsx';

type Props = {
  /** The table's accessible name. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  headers: readonly string[];
  /** A last, visually hidden header for the column of row buttons. */
  actionsHeader?: string;
  children: ReactNode;
};

/** The dashboard's list table: bordered card, horizontal scroll, header row; rows are the children. */
export function DataTable({ label, minWidth, headers, actionsHeader, children }: Props) {
  return (
    <Paper withBorder radius="lg">
      <TableScrollRegion label={label} minWidth={minWidth}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                // Chinese and Japanese may otherwise break a header between any two characters (エ/ラ/ー).
                <Table.Th key={h} style={{ wordBreak: 'keep-all' }}>
                  {h}
                </Table.Th>
              ))}
              {actionsHeader !== undefined && (
                <Table.Th>
                  <VisuallyHidden>{actionsHeader}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </TableScrollRegion>
    </Paper>
  );
}
