/**
 * The version of the record a form was opened on, sent with every save: one made from an older version is
 * refused and says what changed since (db/mutations/versions.ts). Every edit form carries one
 * (tests/edit-versions.test.ts).
 */
export function VersionField({ version, name = 'version' }: { version: number; name?: string }) {
  return <input type="hidden" name={name} value={version} />;
}
