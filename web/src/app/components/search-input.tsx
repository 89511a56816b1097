import { useEffect, useState, type CSSProperties } from 'react';
import { Input } from 'antd';

type SearchInputProps = {
  value: string | undefined;
  onSearch: (value: string) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
};

// A search box whose text follows the URL (back, reset) but stays focused while the user types.
export const SearchInput = ({ value, onSearch, placeholder, testId, style }: SearchInputProps) => {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <Input.Search
      data-testid={testId}
      allowClear
      placeholder={placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onSearch(next.trim())}
      style={style}
    />
  );
};
