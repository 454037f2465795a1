// Internal: the store's SQL schema as an ordered list of migrations.
//
// Policy (docs/store.md): migrations are append-only. Never edit a step that
// has shipped; add step N+1 and bump kStoreSchemaVersion (store.h). Each step
// runs in its own transaction together with `PRAGMA user_version = N`.
#pragma once

#include <vector>

namespace marsad::store_internal {

struct Migration {
  int version;      // user_version after this step
  const char* sql;  // one or more statements
};

// Steps 1..kStoreSchemaVersion, in order.
const std::vector<Migration>& Migrations();

}  // namespace marsad::store_internal
