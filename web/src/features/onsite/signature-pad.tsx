import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';

// A drawn signature: pointer strokes on a canvas at the screen's pixel density, given back as a PNG.

export type SignaturePadHandle = {
  clear: () => void;
  toPng: () => Promise<Blob | null>;
  isEmpty: () => boolean;
};

export const SignaturePad = forwardRef<
  SignaturePadHandle,
  { height?: number; onChange?: (empty: boolean) => void }
>(({ height = 180, onChange }, ref) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = element.clientWidth * ratio;
    element.height = height * ratio;
    const context = element.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';
  }, [height]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const changed = (next: boolean) => {
    setEmpty(next);
    onChange?.(next);
  };

  useImperativeHandle(ref, () => ({
    clear: () => {
      const element = canvas.current;
      element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
      changed(true);
    },
    // white under the strokes, so the printed record shows it on any background
    toPng: () =>
      new Promise((resolve) => {
        const element = canvas.current;
        if (!element) return resolve(null);
        const copy = document.createElement('canvas');
        copy.width = element.width;
        copy.height = element.height;
        const context = copy.getContext('2d');
        if (!context) return resolve(null);
        context.fillStyle = '#fff';
        context.fillRect(0, 0, copy.width, copy.height);
        context.drawImage(element, 0, 0);
        copy.toBlob(resolve, 'image/png');
      }),
    isEmpty: () => empty,
  }));

  return (
    <canvas
      ref={canvas}
      data-testid="signature-pad"
      style={{
        width: '100%',
        height,
        border: '1px dashed #bfbfbf',
        borderRadius: 8,
        background: '#fff',
        touchAction: 'none',
        display: 'block',
      }}
      onPointerDown={(event) => {
        drawing.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        const context = event.currentTarget.getContext('2d');
        const { x, y } = point(event);
        context?.beginPath();
        context?.moveTo(x, y);
      }}
      onPointerMove={(event) => {
        if (!drawing.current) return;
        const context = event.currentTarget.getContext('2d');
        const { x, y } = point(event);
        context?.lineTo(x, y);
        context?.stroke();
        if (empty) changed(false);
      }}
      onPointerUp={() => {
        drawing.current = false;
      }}
    />
  );
});
SignaturePad.displayName = 'SignaturePad';
