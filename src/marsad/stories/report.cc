#include "marsad/stories/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace marsad::stories {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) return "";
  const json& v = j[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

const char* kStyle = R"css(
body{font-family:"Noto Naskh Arabic","DejaVu Sans",sans-serif;margin:1.5em;line-height:1.6;color:#222;background:#fff}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:right}
th{background:#f2f2f2}
td.asserts{background:#e3f4e3}td.denies{background:#f9dede}td.silent{color:#999}
.side{margin:.4em 0;padding:.4em;border-right:4px solid #888;background:#fafafa}
.ev{font-size:.92em;color:#333}.meta{color:#666;font-size:.85em}
.kind{font-weight:bold}.inferred{font-style:italic;color:#a60}
svg{border:1px solid #ccc;background:#f7fbff}
)css";

std::string EvidenceHtml(const json& e) {
  std::string out = "<div class=\"ev\">«" + HtmlEscape(Str(e, "text")) + "»";
  out += " <span class=\"meta\">(" + HtmlEscape(Str(e, "outlet")) + ", doc " + HtmlEscape(Str(e, "doc_id")) +
         ", " + HtmlEscape(Str(e, "start")) + "–" + HtmlEscape(Str(e, "end")) + ")</span></div>";
  return out;
}

std::string MapSvg(const json& places) {
  std::vector<const json*> pts;
  for (const auto& p : places) {
    if (p.contains("lat") && p.contains("lon") && p["lat"].is_number() && p["lon"].is_number()) pts.push_back(&p);
  }
  if (pts.empty()) return "<p>لا إحداثيات للأماكن (no coordinates).</p>";
  double lat0 = 1e9, lat1 = -1e9, lon0 = 1e9, lon1 = -1e9;
  for (const json* p : pts) {
    double la = (*p)["lat"].get<double>(), lo = (*p)["lon"].get<double>();
    lat0 = std::min(lat0, la), lat1 = std::max(lat1, la), lon0 = std::min(lon0, lo), lon1 = std::max(lon1, lo);
  }
  double pad = 0.5;
  lat0 -= pad, lat1 += pad, lon0 -= pad, lon1 += pad;
  const double w = 640, h = 420;
  double sx = w / (lon1 - lon0), sy = h / (lat1 - lat0);
  double s = std::min(sx, sy);
  std::string svg = "<svg id=\"map-svg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"420\" viewBox=\"0 0 640 420\" direction=\"ltr\">";
  // Graticule every degree.
  char buf[512];
  for (int lo = static_cast<int>(std::ceil(lon0)); lo <= static_cast<int>(std::floor(lon1)); ++lo) {
    double x = (lo - lon0) * s;
    std::snprintf(buf, sizeof buf, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#dde\"/><text x=\"%.1f\" y=\"12\" font-size=\"9\" fill=\"#99a\">%d°E</text>", x, x, h, x + 2, lo);
    svg += buf;
  }
  for (int la = static_cast<int>(std::ceil(lat0)); la <= static_cast<int>(std::floor(lat1)); ++la) {
    double y = (lat1 - la) * s;
    std::snprintf(buf, sizeof buf, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#dde\"/><text x=\"2\" y=\"%.1f\" font-size=\"9\" fill=\"#99a\">%d°N</text>", y, w, y, y - 2, la);
    svg += buf;
  }
  for (const json* p : pts) {
    double x = ((*p)["lon"].get<double>() - lon0) * s, y = (lat1 - (*p)["lat"].get<double>()) * s;
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#c33\"/>", x, y);
    svg += buf;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" text-anchor=\"middle\">", x, y - 8);
    svg += buf + HtmlEscape(Str(*p, "name_ar").empty() ? Str(*p, "id") : Str(*p, "name_ar")) + "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string RenderStoryHtml(const json& story_in) {
  static const json kEmpty = json::object();
  const json& story = story_in.is_object() ? story_in : kEmpty;
  std::string h = "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">";
  h += "<title>" + HtmlEscape(Str(story, "title")) + "</title><style>" + kStyle + "</style></head><body>";
  h += "<h1>" + HtmlEscape(Str(story, "title")) + "</h1>";
  json outlets = story.value("outlets", json::array());
  h += "<section id=\"summary\"><p class=\"meta\">القصة " + HtmlEscape(Str(story, "id")) + " · " +
       HtmlEscape(Str(story, "first_date")) + " – " + HtmlEscape(Str(story, "last_date")) + " · " +
       std::to_string(story.value("documents", json::array()).size()) + " مقالات · " +
       std::to_string(outlets.size()) + " منافذ · " + std::to_string(story.value("duplicates", json::array()).size()) +
       " نسخ مكررة</p></section>";

  // Comparison table.
  h += "<section id=\"comparison\"><h2>المقارنة: من يقول ماذا (claims × outlets)</h2><table id=\"comparison-table\"><thead><tr><th>الادعاء</th>";
  for (const auto& o : outlets) h += "<th>" + HtmlEscape(o.is_string() ? o.get<std::string>() : o.dump()) + "</th>";
  h += "</tr></thead><tbody>";
  for (const auto& c : story.value("claims", json::array())) {
    h += "<tr><td>" + HtmlEscape(Str(c, "text")) + EvidenceHtml(c.value("evidence", json::object())) + "</td>";
    for (const auto& o : outlets) {
      json row = c.is_object() ? c.value("outlets", json::object()) : json::object();
      std::string v = row.is_object() ? row.value(o.is_string() ? o.get<std::string>() : o.dump(), "silent") : "silent";
      const char* label = v == "asserts" ? "يؤكد" : v == "denies" ? "ينفي" : "صامت";
      h += "<td class=\"" + HtmlEscape(v) + "\">" + label + "</td>";
    }
    h += "</tr>";
  }
  h += "</tbody></table></section>";

  // Contradictions.
  h += "<section id=\"contradictions\"><h2>التناقضات</h2>";
  auto contradictions = story.value("contradictions", json::array());
  if (contradictions.empty()) h += "<p>لا تناقضات مرصودة.</p>";
  for (const auto& c : contradictions) {
    h += "<div class=\"contradiction\"><p class=\"kind\">" + HtmlEscape(Str(c, "kind")) +
         (c.contains("field") ? " / " + HtmlEscape(Str(c, "field")) : "") +
         (Str(c, "place").empty() ? "" : " @ " + HtmlEscape(Str(c, "place"))) + "</p>";
    for (const auto& s : c.value("sides", json::array())) {
      h += "<div class=\"side\"><b>" + HtmlEscape(Str(s, "value")) + "</b> — ";
      std::string outs;
      for (const auto& o : s.value("outlets", json::array())) outs += (outs.empty() ? "" : "، ") + o.get<std::string>();
      h += HtmlEscape(outs);
      for (const auto& e : s.value("evidence", json::array())) h += EvidenceHtml(e);
      h += "</div>";
    }
    h += "</div>";
  }
  h += "</section>";

  h += "<section id=\"unique-claims\"><h2>ادعاءات انفرد بها منفذ واحد</h2><ul>";
  for (const auto& u : story.value("unique_claims", json::array())) {
    h += "<li><b>" + HtmlEscape(Str(u, "outlet")) + "</b>: " + HtmlEscape(Str(u, "text")) + EvidenceHtml(u.value("evidence", json::object())) + "</li>";
  }
  h += "</ul></section>";

  // Timeline.
  h += "<section id=\"timeline\"><h2>التسلسل الزمني</h2><table id=\"timeline-table\"><thead><tr><th>التاريخ</th><th>المنفذ</th><th>النوع</th><th>المكان</th><th>الحالة</th><th>الدليل</th></tr></thead><tbody>";
  for (const auto& t : story.value("timeline", json::array())) {
    bool inferred = t.value("date_inferred", false);
    h += "<tr><td" + std::string(inferred ? " class=\"inferred\" title=\"تاريخ مستنتج (inferred)\"" : "") + ">" +
         HtmlEscape(Str(t, "date")) + (inferred ? " (مستنتج)" : "") + "</td><td>" + HtmlEscape(Str(t, "outlet")) + "</td><td>" +
         HtmlEscape(Str(t, "kind") == "control" ? "control" : Str(t, "type")) + "</td><td>" + HtmlEscape(Str(t, "place")) +
         "</td><td>" + HtmlEscape(Str(t, "status")) + (Str(t, "side").empty() ? "" : " · " + HtmlEscape(Str(t, "side"))) +
         (t.value("background", false) ? " · خلفية" : "") + "</td><td>" + EvidenceHtml(t.value("evidence", json::object())) + "</td></tr>";
  }
  h += "</tbody></table></section>";

  // Framing.
  h += "<section id=\"framing\"><h2>التأطير: المصطلحات حسب المنفذ</h2><table id=\"framing-table\"><thead><tr><th>المفهوم</th>";
  for (const auto& o : outlets) h += "<th>" + HtmlEscape(o.is_string() ? o.get<std::string>() : o.dump()) + "</th>";
  h += "</tr></thead><tbody>";
  const json framing = story.value("framing", json::object());  // named: items() of a temporary would dangle
  for (const auto& [concept_name, by_outlet] : framing.items()) {
    h += "<tr><td>" + HtmlEscape(concept_name) + "</td>";
    for (const auto& o : outlets) {
      std::string cell;
      if (by_outlet.contains(o.get<std::string>())) {
        for (const auto& [term, n] : by_outlet[o.get<std::string>()].items()) {
          cell += (cell.empty() ? "" : "، ") + HtmlEscape(term) + " (" + n.dump() + ")";
        }
      }
      h += "<td>" + cell + "</td>";
    }
    h += "</tr>";
  }
  h += "</tbody></table></section>";

  h += "<section id=\"map\"><h2>الخريطة</h2>" + MapSvg(story.value("places", json::array())) + "</section>";

  h += "<section id=\"documents\"><h2>المقالات</h2><ul>";
  for (const auto& d : story.value("documents", json::array())) {
    h += "<li>" + HtmlEscape(Str(d, "outlet")) + " · " + HtmlEscape(Str(d, "date")) +
         (d.value("date_inferred", false) ? " <span class=\"inferred\">(مستنتج)</span>" : "") + " · " +
         HtmlEscape(Str(d, "title")) + (d["duplicate_of"].is_null() ? "" : " · نسخة من " + HtmlEscape(Str(d, "duplicate_of"))) + "</li>";
  }
  h += "</ul></section></body></html>\n";
  return h;
}

}  // namespace marsad::stories
