import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DictEntry, type Dictionaries, type DictName, fetchDictionaries } from '../api/dictionaries';

interface DictionaryState {
  dictionaries: Dictionaries;
  entries: (name: DictName) => DictEntry[];
  /** The label of `key` in the UI language; the key itself when unknown. */
  label: (name: DictName, key: string | null | undefined) => string;
  options: (name: DictName) => { value: string; label: string }[];
}

const DictionaryContext = createContext<DictionaryState | null>(null);

/** Loads /dictionaries once per login; pages read industry, pollutant and programme labels here. */
export function DictionaryProvider({ children }: { children: ReactNode }) {
  const [dictionaries, setDictionaries] = useState<Dictionaries>({});
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';

  useEffect(() => {
    fetchDictionaries().then(setDictionaries, (err: unknown) => console.error('dictionaries', err));
  }, []);

  const entries = useCallback((name: DictName) => dictionaries[name] ?? [], [dictionaries]);
  const text = useCallback((e: DictEntry) => (english ? e.en : e.zh), [english]);
  const label = useCallback(
    (name: DictName, key: string | null | undefined) => {
      if (key === null || key === undefined || key === '') return '—';
      const entry = entries(name).find((e) => e.key === key);
      return entry ? text(entry) : key;
    },
    [entries, text],
  );
  const options = useCallback(
    // Industry classes are known by their GB/T 4754 code as much as by their name.
    (name: DictName) =>
      entries(name).map((e) => ({
        value: e.key,
        label: name === 'industries' ? `${e.key} ${text(e)}` : text(e),
      })),
    [entries, text],
  );

  const value = useMemo(
    () => ({ dictionaries, entries, label, options }),
    [dictionaries, entries, label, options],
  );
  return <DictionaryContext.Provider value={value}>{children}</DictionaryContext.Provider>;
}

export function useDictionaries(): DictionaryState {
  const value = useContext(DictionaryContext);
  if (!value) throw new Error('useDictionaries outside DictionaryProvider');
  return value;
}
