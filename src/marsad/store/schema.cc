#include "marsad/store/schema.h"

namespace marsad::store_internal {

namespace {

// Version 1: the foundation schema. Spans are byte offsets into
// documents.body. Empty text is '' (not NULL); unknown numbers and dates are
// NULL. JSON columns hold arrays/objects as text.
constexpr const char* kV1 = R"sql(
CREATE TABLE meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE outlets(
  id TEXT PRIMARY KEY,
  name_ar TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  outlet_id TEXT REFERENCES outlets(id),
  outlet_name_ar TEXT NOT NULL DEFAULT '',
  outlet_name_en TEXT NOT NULL DEFAULT '',
  published_value TEXT,
  published_precision TEXT NOT NULL DEFAULT 'unknown',
  published_evidence TEXT NOT NULL DEFAULT '',
  published_inferred INTEGER NOT NULL DEFAULT 0,
  body TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  failed INTEGER NOT NULL DEFAULT 0,
  wires TEXT NOT NULL DEFAULT '[]',
  diagnostics TEXT NOT NULL DEFAULT '[]',
  layers TEXT NOT NULL DEFAULT '[]',
  analysis TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX documents_by_outlet ON documents(outlet_id, published_value);
CREATE INDEX documents_by_published ON documents(published_value);

CREATE TABLE removed_lines(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE entities(
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL DEFAULT '',
  name_ar TEXT NOT NULL DEFAULT '',
  name_en TEXT NOT NULL DEFAULT '',
  wikidata TEXT NOT NULL DEFAULT '',
  lat REAL,
  lon REAL
) WITHOUT ROWID;
CREATE INDEX entities_by_type ON entities(type);

CREATE TABLE mentions(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX mentions_by_doc ON mentions(doc_id);
CREATE INDEX mentions_by_entity ON mentions(entity_id, doc_id);

CREATE TABLE dates(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  precision TEXT NOT NULL,
  anchor TEXT NOT NULL,
  kind TEXT NOT NULL,
  resolved INTEGER NOT NULL,
  PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX dates_by_value ON dates(value);

CREATE TABLE attributions(
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  speaker_text TEXT NOT NULL,
  cue TEXT NOT NULL,
  stance TEXT NOT NULL,
  cue_start INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL,
  parent INTEGER NOT NULL,
  PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX attributions_by_speaker ON attributions(speaker);

CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  type TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  place_id TEXT,
  place_text TEXT NOT NULL DEFAULT '',
  date_value TEXT,
  date_precision TEXT NOT NULL DEFAULT 'unknown',
  status TEXT NOT NULL,
  negated INTEGER NOT NULL,
  background INTEGER NOT NULL,
  confidence REAL NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  json TEXT NOT NULL,
  UNIQUE(doc_id, idx)
);
CREATE INDEX events_by_type ON events(type, date_value);
CREATE INDEX events_by_place ON events(place_id, date_value);
CREATE INDEX events_by_date ON events(date_value);

CREATE TABLE event_args(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  text TEXT NOT NULL,
  start_byte INTEGER NOT NULL,
  end_byte INTEGER NOT NULL
);
CREATE INDEX event_args_by_event ON event_args(event_id);
CREATE INDEX event_args_by_entity ON event_args(entity_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, body,
  content='documents', content_rowid='id',
  tokenize='marsad'
);
)sql";

// Version 2: stories (stories/stories.h, docs/stories.md). story_docs holds
// each assigned document's story, the original it copies (0 = none), its
// clustering features (JSON) and MinHash signature (128 x uint32, little
// endian); stories holds the list columns and the clusterer's state;
// story_terms the document frequency of stems and entities (IDF).
constexpr const char* kV2 = R"sql(
CREATE TABLE story_docs(
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  duplicate_of INTEGER NOT NULL DEFAULT 0,
  similarity REAL NOT NULL DEFAULT 0,
  features TEXT NOT NULL DEFAULT '{}',
  signature BLOB
);
CREATE INDEX story_docs_by_story ON story_docs(story_id, doc_id);

CREATE TABLE stories(
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  first_date TEXT NOT NULL DEFAULT '',
  last_date TEXT NOT NULL DEFAULT '',
  documents INTEGER NOT NULL DEFAULT 0,
  outlets INTEGER NOT NULL DEFAULT 0,
  events INTEGER NOT NULL DEFAULT 0,
  contradictions INTEGER NOT NULL DEFAULT 0,
  links TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;
CREATE INDEX stories_by_date ON stories(last_date);

CREATE TABLE story_terms(
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 3: story_views, the story object as `marsad serve` returns it
// (stories/stories.h StoryJsonText), computed when the story was last
// updated; '' when it was too large to recompute on update (then it is
// computed on request). A rowid table of its own, not a column of `stories`:
// that table is WITHOUT ROWID, and SQLite reads a whole overflowing row to
// compare keys, so every list lookup would read each story's view.
//
// Also covering indexes for the search facets of `marsad serve` (outlet and
// month, event types, entities of the matching documents): without them each
// matching document costs a read of its whole (large) row.
constexpr const char* kV3 = R"sql(
CREATE TABLE story_views(
  story_id TEXT PRIMARY KEY,
  view TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_facets ON documents(id, outlet_id, published_value);
CREATE INDEX events_by_doc_type ON events(doc_id, type);
CREATE INDEX mentions_by_doc_entity ON mentions(doc_id, entity_id);
DROP INDEX mentions_by_doc;
)sql";

// Version 4: doc_facets, one narrow row per document with what search facets
// and filters read (outlet, publication date, distinct event types, distinct
// linked entities), so that `marsad serve` counts the facets of a thousand
// matches from a thousand short rows instead of joining documents, events,
// mentions and entities per match. Documents are never updated in place
// (content-addressed), so the row is written once, by Store::Put.
constexpr const char* kV4 = R"sql(
CREATE TABLE doc_facets(
  doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  outlet_id TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  types TEXT NOT NULL DEFAULT '',
  entities TEXT NOT NULL DEFAULT ''
);
INSERT INTO doc_facets(doc_id, outlet_id, published, types, entities)
SELECT d.id, coalesce(d.outlet_id, ''), coalesce(d.published_value, ''),
  coalesce((SELECT group_concat(t, ' ') FROM (SELECT DISTINCT type AS t FROM events WHERE doc_id = d.id ORDER BY 1)), ''),
  coalesce((SELECT group_concat(x, ' ') FROM (SELECT DISTINCT entity_id AS x FROM mentions WHERE doc_id = d.id ORDER BY 1)), '')
FROM documents d;
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, kV1},
      {2, kV2},
      {3, kV3},
      {4, kV4},
  };
  return kMigrations;
}

}  // namespace marsad::store_internal
