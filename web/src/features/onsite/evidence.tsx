import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Image, Space, Typography } from 'antd';
import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n/i18n-context';
import type { QueuedFile } from './offline-queue';
import { newId } from './record-view';
import type { EvidenceKind, GeoPoint } from './types';

// Photos taken on site (and the signature), kept as blobs in the queue until uploaded.

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

export type PickedFile = Omit<QueuedFile, 'inspectionId'>;

// The last position the phone gave, when the officer allowed it; null otherwise (never asked twice).
export const useLastLocation = (): GeoPoint | null => {
  const [location, setLocation] = useState<GeoPoint | null>(null);
  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    const watch = navigator.geolocation.watchPosition(
      (position) =>
        setLocation({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracy: Math.round(position.coords.accuracy),
        }),
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 60_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, []);
  return location;
};

// Object URLs for queued blobs, revoked when the blobs go.
export const useBlobUrls = (files: { id: string; blob: Blob }[]): Map<string, string> => {
  const urls = useMemo(
    () => new Map(files.map((file) => [file.id, URL.createObjectURL(file.blob)])),
    [files],
  );
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);
  return urls;
};

export const fileUrl = (inspectionId: string, fileId: string, queued: Map<string, string>): string =>
  queued.get(fileId) ?? `/api/v1/inspections/${inspectionId}/files/${fileId}`;

type PhotoInputProps = {
  kind: EvidenceKind;
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  location: GeoPoint | null;
  testId: string;
  label: string;
};

// The phone's camera (capture="environment"), several photos, each checked for size before it is queued.
export const PhotoInput = ({ kind, files, onChange, location, testId, label }: PhotoInputProps) => {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState<string[]>([]);
  const urls = useBlobUrls(files);
  const picked = (list: FileList | null) => {
    const chosen = [...(list ?? [])];
    setTooLarge(chosen.filter((file) => file.size > MAX_PHOTO_BYTES).map((file) => file.name));
    const accepted = chosen
      .filter((file) => file.size <= MAX_PHOTO_BYTES)
      .map((file) => ({
        id: newId(),
        kind,
        blob: file,
        name: file.name || 'photo.jpg',
        takenAt: new Date(file.lastModified || Date.now()).toISOString(),
        location,
      }));
    onChange([...files, ...accepted]);
    if (input.current) input.current.value = '';
  };
  return (
    <div>
      <input
        ref={input}
        data-testid={testId}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        onChange={(event) => picked(event.target.files)}
      />
      <Space wrap size={8}>
        {files.map((file) => (
          <div key={file.id} style={{ position: 'relative' }} data-testid={`${testId}-thumb`}>
            <Image
              src={urls.get(file.id)}
              width={72}
              height={72}
              style={{ objectFit: 'cover', borderRadius: 6 }}
            />
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('record.photo.remove')}
              style={{ position: 'absolute', top: -6, right: -6 }}
              onClick={() => onChange(files.filter((other) => other.id !== file.id))}
            />
          </div>
        ))}
        <Button
          icon={<CameraOutlined />}
          style={{ height: 72, minWidth: 72 }}
          onClick={() => input.current?.click()}
        >
          {label}
        </Button>
      </Space>
      {tooLarge.length > 0 && (
        <Typography.Paragraph
          type="danger"
          style={{ marginTop: 6, marginBottom: 0 }}
          data-testid={`${testId}-too-large`}
        >
          {t('record.photo.tooLarge', { names: tooLarge.join('、') })}
        </Typography.Paragraph>
      )}
    </div>
  );
};

type ThumbsProps = { inspectionId: string; ids: string[]; queued: Map<string, string> };

export const Thumbs = ({ inspectionId, ids, queued }: ThumbsProps) =>
  ids.length === 0 ? null : (
    <Image.PreviewGroup>
      <Space wrap size={6}>
        {ids.map((id) => (
          <Image
            key={id}
            src={fileUrl(inspectionId, id, queued)}
            width={56}
            height={56}
            style={{ objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
