'use client';

import { Button } from '@/components/ui/button';

export function PrintButton({ label }: { label: string }) {
  return (
    <Button size="md" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
