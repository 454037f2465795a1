// Interface strings, Arabic first. t(key) returns the string for the
// current language; the language is kept in localStorage.
const STRINGS = {
  ar: {
    brand: 'مرصد',
    'nav.stories': 'القصص', 'nav.documents': 'المقالات', 'nav.search': 'البحث',
    'nav.entities': 'الفاعلون', 'nav.graph': 'شبكة الفاعلين',
    toggle: 'English',
    loading: 'جارٍ التحميل…', error: 'خطأ', none: 'لا شيء',
    stories: 'القصص', documents: 'المقالات', outlets: 'المنافذ', events: 'الأحداث',
    contradictions: 'التناقضات', 'stories.none': 'لا توجد قصص بعد (شغّل تجميع القصص).',
    'stories.unavailable': 'القصص غير متاحة في هذا الخادم.',
    claims: 'مصفوفة الادعاءات', claim: 'الادعاء', asserts: 'يؤكد', denies: 'ينفي', silent: 'صامت',
    'matrix.help': 'انقر خلية لعرض جملة الدليل في المقال.',
    evidence: 'الدليل', 'evidence.pick': 'اختر خلية من المصفوفة.', 'evidence.none': 'لا يذكر هذا المنفذ الادعاء.',
    'open.article': 'فتح المقال', unique: 'ادعاءات ينفرد بها منفذ واحد', framing: 'التأطير حسب المنفذ',
    timeline: 'الخط الزمني', map: 'الخريطة', places: 'الأماكن', side: 'طرف',
    entities: 'الكيانات', dates: 'التواريخ', attributions: 'الإسنادات', 'removed.show': 'إظهار ما أزيل من الصفحة',
    'removed.hide': 'إخفاء ما أزيل من الصفحة', removed: 'ما أزيل من الصفحة',
    published: 'النشر', outlet: 'المنفذ', source: 'المصدر', type: 'النوع', date: 'التاريخ', place: 'المكان',
    aliases: 'الأسماء البديلة', relations: 'العلاقات', 'mentions.time': 'الذكر عبر الزمن',
    'co.mentioned': 'يُذكر معه', graph: 'شبكة الفاعلين', 'recent.docs': 'أحدث المقالات',
    'search.placeholder': 'ابحث بالعربية… مثل: البوكمال', search: 'بحث', results: 'نتيجة',
    'ranked.newest': 'رُتّبت حسب الصلة ضمن أحدث {n} نتيجة؛ أضف كلمة أو تصفية لتضييق البحث.',
    facets: 'التصفية', month: 'الشهر', entity: 'الكيان', 'clear.filters': 'إزالة التصفية',
    exports: 'تصدير', actors: 'الفاعلون', targets: 'المستهدفون', speaker: 'المتحدث',
    'all.types': 'كل الأنواع', count: 'العدد', unknown: 'غير معروف', 'documents.none': 'لا مقالات.',
    legend: 'المفتاح', event: 'حدث', wikidata: 'ويكي بيانات', kind: 'النوع', 'no.coords': 'لا إحداثيات لهذه الأماكن.',
    negated: 'منفي',
  },
  en: {
    brand: 'marsad',
    'nav.stories': 'Stories', 'nav.documents': 'Articles', 'nav.search': 'Search',
    'nav.entities': 'Actors', 'nav.graph': 'Actor graph',
    toggle: 'العربية',
    loading: 'Loading…', error: 'Error', none: 'None',
    stories: 'Stories', documents: 'Articles', outlets: 'Outlets', events: 'Events',
    contradictions: 'Contradictions', 'stories.none': 'No stories yet (run story clustering).',
    'stories.unavailable': 'Stories are not available on this server.',
    claims: 'Claims matrix', claim: 'Claim', asserts: 'asserts', denies: 'denies', silent: 'silent',
    'matrix.help': 'Click a cell to see its evidence sentence in the article.',
    evidence: 'Evidence', 'evidence.pick': 'Pick a cell of the matrix.', 'evidence.none': 'This outlet does not report the claim.',
    'open.article': 'Open the article', unique: 'Claims only one outlet makes', framing: 'Framing per outlet',
    timeline: 'Timeline', map: 'Map', places: 'Places', side: 'Side',
    entities: 'Entities', dates: 'Dates', attributions: 'Attributions', 'removed.show': 'Show removed page chrome',
    'removed.hide': 'Hide removed page chrome', removed: 'Removed page chrome',
    published: 'Published', outlet: 'Outlet', source: 'Source', type: 'Type', date: 'Date', place: 'Place',
    aliases: 'Aliases', relations: 'Relations', 'mentions.time': 'Mentions over time',
    'co.mentioned': 'Mentioned with', graph: 'Actor graph', 'recent.docs': 'Recent articles',
    'search.placeholder': 'Search in Arabic… e.g. البوكمال', search: 'Search', results: 'results',
    'ranked.newest': 'Ranked by relevance among the newest {n} matches; add a word or a filter to narrow the search.',
    facets: 'Filters', month: 'Month', entity: 'Entity', 'clear.filters': 'Clear filters',
    exports: 'Export', actors: 'Actors', targets: 'Targets', speaker: 'Speaker',
    'all.types': 'All types', count: 'Count', unknown: 'unknown', 'documents.none': 'No articles.',
    legend: 'Legend', event: 'event', wikidata: 'Wikidata', kind: 'Kind', 'no.coords': 'No coordinates for these places.',
    negated: 'negated',
  },
};

let lang = (typeof localStorage !== 'undefined' && localStorage.getItem('marsad.lang')) || 'ar';

export function getLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'ar';
  try { localStorage.setItem('marsad.lang', lang); } catch (e) { /* private mode */ }
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

export function t(key) {
  return (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.ar[key] || key;
}

// The display name of an entity-like object in the current language.
export function nameOf(o) {
  if (!o) return '';
  if (lang === 'en') return o.name_en || o.label_en || o.name_ar || o.label || o.name || o.id || '';
  return o.name_ar || o.label || o.name || o.name_en || o.id || '';
}
