#!/usr/bin/env python3
"""Validate the gazetteer in data/kb/places/.

Checks (errors make the exit status non-zero):
  * every data row has exactly 10 TAB-separated columns (countries.tsv too);
  * ids are unique across all place files (and do not collide with actor ids
    in data/kb/actors/*.tsv), ids are lowercase ascii slugs with the file's
    country prefix;
  * kind is one of the agreed kinds;
  * parent_id exists (a country code from countries.tsv or a place id), and
    the parent chain has no cycle;
  * lat/lon parse, and lie inside the bounding box of the row's country
    (rivers, regions and mountains may spill over borders: they get a margin);
  * no two rows share (name_ar, parent_id) or (name_en, parent_id);
  * no Arabic diacritics (tashkeel) or tatweel in name_ar / aliases_ar;
  * source is not empty.
Warnings: an alias equal to name_ar, an empty alias between '|'.

Usage: python3 scripts/kb/check_places.py [--root REPO] [--stats]
Python 3 standard library only.
"""
import argparse
import collections
import glob
import math
import os
import re
import sys

KINDS = {
    'country', 'governorate', 'district', 'subdistrict', 'city', 'town',
    'village', 'neighbourhood', 'crossing', 'base', 'airport', 'oilfield',
    'gasfield', 'dam', 'river', 'mountain', 'region', 'lake', 'island'}
# Kinds whose representative point may sit outside the strict country box.
SPILL_KINDS = {'river', 'region', 'mountain', 'lake', 'crossing'}

# Rough bounding boxes (lat_min, lat_max, lon_min, lon_max), generous by
# ~0.1 degree; enough to catch swapped lat/lon, sign errors and a row filed
# under the wrong country.
BBOX = {
    'sy': (32.2, 37.4, 35.6, 42.5),
    'iq': (29.0, 37.5, 38.7, 48.7),
    'ye': (12.0, 19.1, 41.8, 54.6),   # includes Socotra
    'ly': (19.4, 33.3, 9.3, 25.3),
    'lb': (33.0, 34.8, 35.0, 36.7),
    'jo': (29.1, 33.5, 34.8, 39.4),
    'ps': (31.2, 32.6, 34.2, 35.6),
    'il': (29.4, 33.4, 34.2, 35.95),  # includes the occupied Golan
    'tr': (35.8, 42.2, 25.6, 44.9),
    'ir': (25.0, 39.9, 44.0, 63.4),
    'sa': (16.3, 32.3, 34.4, 55.7),
    'eg': (21.9, 31.8, 24.6, 37.0),
    'kw': (28.5, 30.2, 46.5, 48.5),
    'ae': (22.6, 26.1, 51.5, 56.4),
    'qa': (24.4, 26.2, 50.7, 51.7),
    'bh': (25.7, 26.4, 50.3, 50.9),
    'om': (16.6, 26.5, 51.9, 59.9),
    'sd': (8.6, 22.3, 21.8, 38.7),
    'tn': (30.2, 37.6, 7.5, 11.7),
    'dz': (18.9, 37.2, -8.7, 12.0),
    'ma': (27.6, 36.0, -13.3, -0.9),
    'so': (-1.7, 12.0, 40.9, 51.5),
    'af': (29.3, 38.5, 60.4, 75.0),
    'pk': (23.6, 37.1, 60.8, 77.9),
    'cy': (34.5, 35.8, 32.2, 34.7),
    'ru': (41.1, 82.0, 19.6, 180.0),
    'us': (18.9, 71.5, -180.0, -66.9),
    'gb': (49.8, 60.9, -8.7, 1.8),
    'fr': (41.3, 51.2, -5.2, 9.6),
    'de': (47.2, 55.1, 5.8, 15.1),
    'ua': (44.3, 52.4, 22.1, 40.3),
    'ml': (10.1, 25.0, -12.3, 4.3),
    'ne': (11.6, 23.6, 0.1, 16.0),
    'td': (7.4, 23.5, 13.4, 24.0),
    'er': (12.3, 18.1, 36.4, 43.2),
    'dj': (10.9, 12.8, 41.7, 43.5),
}
MARGIN_SPILL = 1.5
# A child farther than this from its parent's point (km, by parent kind) is
# probably a typo in a coordinate or a wrong parent: reported as a warning.
PARENT_RADIUS_KM = {'governorate': 500, 'district': 160, 'subdistrict': 45,
                    'city': 25, 'town': 15}
TASHKEEL = re.compile('[\u064B-\u0652\u0670\u0640]')
ID_RE = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            yield n, line.split('\t')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    ap.add_argument('--stats', action='store_true',
                    help='print counts per country and kind')
    args = ap.parse_args()
    pdir = os.path.join(args.root, 'data', 'kb', 'places')
    errors, warnings = [], []

    def err(path, n, msg):
        errors.append('%s:%d: %s' % (os.path.relpath(path, args.root), n, msg))

    def warn(path, n, msg):
        warnings.append('%s:%d: %s' % (os.path.relpath(path, args.root), n, msg))

    actor_ids = set()
    for path in glob.glob(os.path.join(args.root, 'data', 'kb', 'actors', '*.tsv')):
        for _, f in read_tsv(path):
            actor_ids.add(f[0])

    rows = {}        # id -> (path, n, fields)
    countries = set()
    cpath = os.path.join(pdir, 'countries.tsv')
    files = sorted(glob.glob(os.path.join(pdir, '*.tsv')))
    if cpath not in files:
        print('missing data/kb/places/countries.tsv', file=sys.stderr)
        return 1
    for path in files:
        base = os.path.basename(path)[:-4]
        for n, f in read_tsv(path):
            if len(f) != 10:
                err(path, n, 'expected 10 columns, got %d' % len(f))
                continue
            pid = f[0]
            if not ID_RE.match(pid):
                err(path, n, 'bad id %r' % pid)
            if base == 'countries':
                if f[1] != 'country':
                    err(path, n, 'countries.tsv row must have kind country')
                if not re.match(r'^[a-z]{2}$', pid):
                    err(path, n, 'country id must be ISO alpha-2 lowercase')
                countries.add(pid)
            else:
                if not pid.startswith(base + '-'):
                    err(path, n, 'id %r lacks the file prefix %s-' % (pid, base))
                if f[1] == 'country':
                    err(path, n, 'countries belong in countries.tsv only')
            if f[1] not in KINDS:
                err(path, n, 'unknown kind %r' % f[1])
            if pid in rows:
                p0, n0, _ = rows[pid]
                err(path, n, 'duplicate id %r (first at %s:%d)' % (
                    pid, os.path.relpath(p0, args.root), n0))
                continue
            if pid in actor_ids:
                err(path, n, 'id %r collides with an actor id' % pid)
            rows[pid] = (path, n, f)

    def km(a, b):
        p = math.pi / 180
        h = (math.sin((b[0] - a[0]) * p / 2) ** 2 + math.cos(a[0] * p) *
             math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2)
        return 12742 * math.asin(math.sqrt(h))

    def point(f):
        try:
            return float(f[5]), float(f[6])
        except ValueError:
            return None

    pairs = {}
    stats = collections.Counter()
    for pid, (path, n, f) in rows.items():
        _, kind, name_ar, name_en, aliases, lat, lon, parent, wikidata, source = f
        base = os.path.basename(path)[:-4]
        cc = pid if base == 'countries' else base
        if not name_ar or not name_en:
            err(path, n, 'empty name_ar or name_en')
        if not source.strip():
            err(path, n, 'empty source')
        for text in [name_ar] + (aliases.split('|') if aliases else []):
            if TASHKEEL.search(text):
                err(path, n, 'diacritics/tatweel in %r' % text)
        if aliases:
            parts = aliases.split('|')
            if '' in parts:
                warn(path, n, 'empty alias')
            if name_ar in parts:
                warn(path, n, 'alias repeats name_ar')
        if wikidata and not re.match(r'^Q[0-9]+$', wikidata):
            err(path, n, 'bad wikidata id %r' % wikidata)
        # parent
        if base == 'countries':
            if parent:
                err(path, n, 'a country has no parent')
        elif not parent:
            err(path, n, 'missing parent_id')
        elif parent not in rows:
            err(path, n, 'parent %r does not exist' % parent)
        else:
            seen, cur = {pid}, parent
            while cur and cur in rows:
                if cur in seen:
                    err(path, n, 'parent cycle through %r' % cur)
                    break
                seen.add(cur)
                cur = rows[cur][2][7]
            pk = rows[parent][2][1]
            a, b = point(f), point(rows[parent][2])
            if (pk in PARENT_RADIUS_KM and a and b and f[1] not in SPILL_KINDS and
                    km(a, b) > PARENT_RADIUS_KM[pk]):
                warn(path, n, '%s is %.0f km from its parent %s (%s)' % (
                    pid, km(a, b), parent, pk))
            if rows[parent][2][1] in ('river', 'oilfield', 'gasfield', 'base',
                                      'airport', 'dam', 'crossing'):
                err(path, n, 'parent %r is not an admin unit or area' % parent)
        # coordinates
        if not lat and not lon:
            # A place named in the news whose location is not known well
            # enough: allowed, if the source says so.
            if 'coords unknown' not in source:
                err(path, n, 'empty lat/lon without "coords unknown" in source')
        elif point(f) is None:
            err(path, n, 'bad lat/lon %r %r' % (lat, lon))
        elif BBOX.get(cc) is None:
            if base != 'countries':
                err(path, n, 'no bounding box known for %r' % cc)
        else:
            la, lo = point(f)
            box = BBOX[cc]
            m = MARGIN_SPILL if kind in SPILL_KINDS else 0.0
            if not (box[0] - m <= la <= box[1] + m and box[2] - m <= lo <= box[3] + m):
                err(path, n, '(%s, %s) outside the %s box %s' % (lat, lon, cc, box))
        # duplicate names under one parent
        for key in ((name_ar, parent, 'ar'), (name_en, parent, 'en')):
            if key in pairs:
                err(path, n, 'duplicate (%s name %r, parent %r) also %r' % (
                    key[2], key[0], parent, pairs[key]))
            pairs[key] = pid
        stats[(cc if base != 'countries' else 'countries', kind)] += 1

    # common_word_names.txt: each entry must be a name or alias in the KB.
    cw = os.path.join(pdir, 'common_word_names.txt')
    if os.path.exists(cw):
        known = set()
        for _, (_, _, f) in rows.items():
            known.add(f[2])
            known.update(a for a in f[4].split('|') if a)
        with open(cw, encoding='utf-8') as fh:
            for n, line in enumerate(fh, 1):
                line = line.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                parts = line.split('\t')
                if len(parts) != 2 or not parts[1].strip():
                    err(cw, n, 'expected: name<TAB>other meaning')
                elif parts[0] not in known:
                    warn(cw, n, '%r is not a name or alias of any place' % parts[0])

    for w in warnings:
        print('warning: ' + w)
    for e in errors:
        print('error: ' + e)
    if args.stats:
        by_cc = collections.Counter()
        for (cc, kind), c in stats.items():
            by_cc[cc] += c
        for cc in sorted(by_cc):
            kinds = ', '.join('%s %d' % (k, c) for (c2, k), c in sorted(stats.items()) if c2 == cc)
            print('%-9s %5d  %s' % (cc, by_cc[cc], kinds))
        print('total     %5d' % sum(by_cc.values()))
    print('%d places, %d errors, %d warnings' % (len(rows), len(errors), len(warnings)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
