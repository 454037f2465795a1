#include "text_render.h"

#include <algorithm>
#include <map>
#include <string>

#include "marsad/common/utf8.h"

namespace marsad::cli {
namespace {

std::string Clip(const std::string& s, size_t max_chars) {
  std::u32string u = utf8::ToU32(s);
  if (u.size() <= max_chars) return s;
  return utf8::FromU32(u.substr(0, max_chars)) + "…";
}

std::string Sub(const std::string& body, const Span& s) {
  size_t a = std::min<size_t>(std::max(0, s.start), body.size());
  size_t b = std::min<size_t>(std::max(s.start, s.end), body.size());
  return body.substr(a, b - a);
}

}  // namespace

void RenderText(const Document& d, std::ostream& out) {
  out << "━━ " << d.source << "\n";
  if (d.failed) {
    out << "  FAILED";
    for (const auto& g : d.diagnostics) {
      if (g.severity == Severity::kError) out << ": " << g.message;
    }
    out << "\n\n";
    return;
  }
  out << "  title      " << (d.title.empty() ? "(none found)" : d.title) << "\n";
  if (d.outlet) {
    out << "  outlet     " << d.outlet->name_ar << " (" << d.outlet->name_en << ")\n";
  } else {
    out << "  outlet     unknown (no page signature identifies it)\n";
  }
  if (d.published) {
    out << "  published  " << d.published->value << " (" << PrecisionName(d.published->precision)
        << (d.published->inferred ? ", inferred" : "") << "; from \"" << Clip(d.published->evidence, 60) << "\")\n";
  } else {
    out << "  published  unknown (the text states no date)\n";
  }
  if (!d.wires.empty()) {
    out << "  wires      ";
    for (size_t i = 0; i < d.wires.size(); ++i) out << (i ? ", " : "") << d.wires[i];
    out << "\n";
  }
  size_t paragraphs = d.body.empty() ? 0 : 1;
  for (size_t p = d.body.find("\n\n"); p != std::string::npos; p = d.body.find("\n\n", p + 2)) ++paragraphs;
  out << "  body       " << utf8::Length(d.body) << " characters, " << paragraphs << " paragraphs; "
      << d.removed.size() << " lines of page chrome removed";
  if (!d.removed.empty()) {
    std::map<std::string, int> by_reason;
    for (const auto& r : d.removed) ++by_reason[r.reason];
    out << " (";
    bool first = true;
    for (const auto& [reason, n] : by_reason) {
      out << (first ? "" : ", ") << reason << " " << n;
      first = false;
    }
    out << ")";
  }
  out << "\n";
  if (!d.entities.empty()) {
    out << "  entities   ";
    size_t shown = std::min<size_t>(d.entities.size(), 8);
    for (size_t i = 0; i < shown; ++i) {
      const auto& e = d.entities[i];
      out << (i ? " · " : "") << (e.name_ar.empty() ? e.id : e.name_ar) << " [" << e.type << " ×"
          << e.mentions.size() << "]";
    }
    if (d.entities.size() > shown) out << " · +" << d.entities.size() - shown << " more";
    out << "\n";
  }
  if (!d.dates.empty()) {
    out << "  dates      ";
    size_t shown = std::min<size_t>(d.dates.size(), 6);
    for (size_t i = 0; i < shown; ++i) {
      const auto& t = d.dates[i];
      out << (i ? " · " : "") << t.text << " → " << (t.resolved ? t.value : "?");
    }
    if (d.dates.size() > shown) out << " · +" << d.dates.size() - shown << " more";
    out << "\n";
  }
  for (const auto& e : d.events) {
    out << "  event      " << e.type;
    if (e.negated) out << " (negated)";
    if (e.status != "completed") out << " (" << e.status << ")";
    if (e.background) out << " (background)";
    if (!e.actors.empty()) out << " actor=" << e.actors[0].text;
    if (!e.targets.empty()) out << " target=" << e.targets[0].text;
    if (e.place) out << " place=" << e.place->text;
    if (e.date && e.date->resolved) out << " date=" << e.date->value << (e.date_is_default ? "*" : "");
    out << "\n             “" << Clip(Sub(d.body, e.evidence), 110) << "”\n";
  }
  for (const auto& g : d.diagnostics) {
    out << "  note       " << g.stage << ": " << g.message << "\n";
  }
  out << "\n";
}

}  // namespace marsad::cli
