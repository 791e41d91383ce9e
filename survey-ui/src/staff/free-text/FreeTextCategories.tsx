import { useState } from 'preact/hooks';
import type { FreeAnswers } from '../api/types.ts';
import type { Action } from '../api/use-load.ts';
import { useMessages } from '../messages/catalogue.ts';
import { useStaff } from '../session/context.ts';

interface Props {
  round: string;
  categories: FreeAnswers['categories'];
  untagged: number;
  action: Action;
  onChanged(): void;
}

/** The round's categories with how many answers (within the filters) each holds: add, rename, delete. */
export function FreeTextCategories({ round, categories, untagged, action, onChanged }: Props) {
  const t = useMessages();
  const { api } = useStaff();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | undefined>(undefined);
  const base = `/rounds/${encodeURIComponent(round)}/free-text/categories`;
  const add = () =>
    action.run(async () => {
      const made = await api.send<{ name: string }>('POST', base, { name });
      setName('');
      onChanged();
      return t.ftAdded(made.name);
    });
  const rename = (id: number, newName: string) =>
    action.run(async () => {
      const renamed = await api.send<{ name: string }>('PATCH', `${base}/${id}`, { name: newName });
      setEditing(undefined);
      onChanged();
      return t.ftRenamed(renamed.name);
    });
  const remove = (id: number, old: string, count: number) => {
    if (!window.confirm(t.ftDeleteConfirm(old, count))) return;
    void action.run(async () => {
      await api.send('DELETE', `${base}/${id}`);
      onChanged();
      return t.ftDeleted(old);
    });
  };
  return (
    <section aria-labelledby="ft-categories">
      <h2 id="ft-categories">{t.ftCategoriesTitle}</h2>
      {categories.length === 0 && <p class="hint">{t.ftNoCategories}</p>}
      <ul class="category-list">
        {categories.map((c) => (
          <li key={c.id} data-category={c.id}>
            {editing?.id === c.id ? (
              <form
                class="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void rename(c.id, editing.name);
                }}
              >
                <label>
                  <span class="visually-hidden">{t.ftRenameLabel(c.name)}</span>
                  <input
                    name="name"
                    maxLength={80}
                    required
                    value={editing.name}
                    ref={(el) => el?.focus()}
                    onInput={(e) => setEditing({ id: c.id, name: (e.currentTarget as HTMLInputElement).value })}
                    onKeyDown={(e) => e.key === 'Escape' && setEditing(undefined)}
                  />
                </label>
                <button type="submit" class="button small primary" disabled={action.busy}>
                  {t.ftSave}
                </button>
                <button type="button" class="button small quiet" onClick={() => setEditing(undefined)}>
                  {t.ftCancel}
                </button>
              </form>
            ) : (
              <>
                <strong class="category-name">{c.name}</strong> <span class="category-count">{c.count}</span>
                <button type="button" class="button small quiet" onClick={() => setEditing({ id: c.id, name: c.name })}>
                  {t.ftRename}
                  <span class="visually-hidden"> {c.name}</span>
                </button>
                <button type="button" class="button small quiet" disabled={action.busy} onClick={() => remove(c.id, c.name, c.count)}>
                  {t.ftDelete}
                  <span class="visually-hidden"> {c.name}</span>
                </button>
              </>
            )}
          </li>
        ))}
        <li class="muted">
          {t.ftUntagged}: <span data-untagged>{untagged}</span>
        </li>
      </ul>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() !== '') void add();
        }}
      >
        <label>
          <span>{t.ftNewCategory}</span>
          <input name="category" maxLength={80} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="button small primary" disabled={action.busy}>
          {t.ftAddCategory}
        </button>
      </form>
    </section>
  );
}
