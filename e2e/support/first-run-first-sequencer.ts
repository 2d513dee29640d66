import { BaseSequencer, type TestSpecification } from "vitest/node";

// The foundation journey starts on an empty instance (first-run owner setup), so it must run
// before any spec that creates accounts; the rest run in file-name order.
export class FirstRunFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => (file.moduleId.endsWith("/foundation.spec.ts") ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
