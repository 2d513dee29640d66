import { BaseSequencer, type TestSpecification } from "vitest/node";

// The foundation journey starts on an empty instance (first-run owner setup), so it must run
// before any spec that creates accounts. The catalog-change journey publishes a new revision of a
// shipped mapping set, which the other specs read as first revisions, so it runs last. The rest
// run in file-name order.
export class FirstRunFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) =>
      file.moduleId.endsWith("/foundation.spec.ts") ? 0 : file.moduleId.endsWith("/catalog-changes.spec.ts") ? 2 : 1;
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
