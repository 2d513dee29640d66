export { createMigratedTestDatabase, dropTestDatabase } from "./test-database";
export { executeRawSqlForTest } from "./raw-sql";
export { createTestOrganization, createTestUser, uniqueSuffix } from "./factories";
export { countDatabaseQueries } from "../raw-client";
