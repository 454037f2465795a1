#include "marsad/clean/media_registry.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "marsad/clean/fold.h"
#include "unit/clean/test_data.h"

namespace marsad::clean {
namespace {

class OutletRegistryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto reg = MediaRegistry::Load(test_data::DataDir() + "/outlets.tsv");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    outlets_ = new MediaRegistry(std::move(*reg));
    auto w = MediaRegistry::Load(test_data::DataDir() + "/wires.tsv");
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    wires_ = new MediaRegistry(std::move(*w));
  }
  static MediaRegistry* outlets_;
  static MediaRegistry* wires_;
};
MediaRegistry* OutletRegistryTest::outlets_ = nullptr;
MediaRegistry* OutletRegistryTest::wires_ = nullptr;

TEST_F(OutletRegistryTest, HasAtLeastHundredOutletsWithDomains) {
  EXPECT_GE(outlets_->size(), 100u);
  for (const MediaEntry& e : outlets_->entries()) {
    EXPECT_FALSE(e.domains.empty()) << e.id;
    EXPECT_FALSE(e.variants.empty()) << e.id;
    EXPECT_FALSE(e.country.empty()) << e.id;
  }
}

TEST_F(OutletRegistryTest, FindByUrlMatchesHostSubdomainAndPath) {
  ASSERT_NE(outlets_->FindByUrl("https://www.enabbaladi.net/archives/1"), nullptr);
  EXPECT_EQ(outlets_->FindByUrl("https://www.enabbaladi.net/archives/1")->id, "enab-baladi");
  EXPECT_EQ(outlets_->FindByUrl("http://KAYHAN.IR/ar/news/1")->id, "kayhan");
  EXPECT_EQ(outlets_->FindByUrl("https://www.bbc.com/arabic/middleeast-1")->id, "bbc-arabic");
  EXPECT_EQ(outlets_->FindByUrl("https://www.bbc.com/news/world-1"), nullptr);
  EXPECT_EQ(outlets_->FindByUrl("https://notenabbaladi.net/x"), nullptr);
  EXPECT_EQ(outlets_->FindByUrl(""), nullptr);
}

TEST_F(OutletRegistryTest, FindDomainInReadsObfuscatedEmail) {
  const MediaEntry* e = outlets_->FindDomainIn("news (at) shaam.org");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "shaam-news-network");
  EXPECT_EQ(outlets_->FindDomainIn("no domain here"), nullptr);
}

TEST_F(OutletRegistryTest, NamesMatchAtWordBoundariesOnly) {
  // "ادعم عنب بلدي" (support Enab Baladi).
  ASSERT_NE(outlets_->FindNameIn("ادعم عنب بلدي"), nullptr);
  EXPECT_EQ(outlets_->FindNameIn("ادعم عنب بلدي")->id, "enab-baladi");
  // "ادعم الصحافة الحرة" (support the free press): "الحرة" is a common
  // word and must not identify Alhurra.
  EXPECT_EQ(outlets_->FindNameIn("ادعم الصحافة الحرة"), nullptr);
  // "سوريا" inside "تلفزيون سوريا" is matched only as the whole name.
  EXPECT_EQ(outlets_->FindNameIn("المصدر: تلفزيون سوريا")->id, "syria-tv");
}

TEST_F(OutletRegistryTest, NameAfterAGluedPreposition) {
  // "All rights reserved to the Al Mayadeen channel" (لقناة = ل + قناة): a
  // name of several words may follow a glued ل or ب.
  const MediaEntry* e = outlets_->FindNameIn("© جميع الحقوق محفوظة لقناة الميادين 2020");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "al-mayadeen");
}

TEST_F(OutletRegistryTest, FindByNameIsWholeText) {
  // "إرم نيوز" (Erem News) as a title suffix.
  ASSERT_NE(outlets_->FindByName("إرم نيوز"), nullptr);
  EXPECT_EQ(outlets_->FindByName("ارم نيوز")->id, "erem-news");  // without hamza
  EXPECT_EQ(outlets_->FindByName("إرم نيوز اليوم"), nullptr);
  EXPECT_EQ(outlets_->FindByName("kayhan")->id, "kayhan");  // by id
}

TEST_F(OutletRegistryTest, WireVariants) {
  // "ا ف ب" / "أ ف ب" (AFP), "فرانس برس" (France Presse).
  EXPECT_EQ(wires_->FindByName("ا ف ب")->id, "afp");
  EXPECT_EQ(wires_->FindByName("أ ف ب")->id, "afp");
  EXPECT_EQ(wires_->FindByName("فرانس برس")->id, "afp");
  EXPECT_EQ(wires_->FindByName("رويترز")->id, "reuters");  // Reuters
  EXPECT_EQ(wires_->FindByName("سانا")->id, "sana");       // SANA
  // "فارس" alone is a given name (Fares), not the agency.
  EXPECT_EQ(wires_->FindByName("فارس"), nullptr);
  auto all = wires_->FindAllNamesIn("(رويترز، أ ف ب)");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0]->id, "reuters");
  EXPECT_EQ(all[1]->id, "afp");
}

TEST_F(OutletRegistryTest, WireAndOutletIdsAreTheKnowledgeBaseIds) {
  // An agency or outlet the knowledge base also lists (data/kb/actors/
  // media.tsv: id, type, name_ar, name_en, aliases_ar, ...) has one id
  // everywhere: a wire credit, an article's publisher and a dateline or a
  // speaker naming the same medium must meet in attribution chains and in
  // story comparisons. Names are compared folded.
  std::ifstream in(test_data::DataDir() + "/kb/actors/media.tsv");
  ASSERT_TRUE(in.good());
  std::map<std::string, std::string> kb_by_name;  // folded name -> kb id
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    if (f.size() < 5 || f[1] != "media") continue;
    kb_by_name[FoldKey(f[2])] = f[0];
    std::stringstream aliases(f[4]);
    for (std::string a; std::getline(aliases, a, '|');)
      if (!a.empty()) kb_by_name[FoldKey(a)] = f[0];
  }
  ASSERT_FALSE(kb_by_name.empty());
  for (const auto* reg : {&*wires_, &*outlets_}) {
    int shared = 0;
    for (const MediaEntry& e : reg->entries()) {
      std::vector<std::string> names = e.variants;
      names.push_back(e.name_ar);
      for (const auto& n : names) {
        auto it = kb_by_name.find(FoldKey(n));
        if (it == kb_by_name.end()) continue;
        ++shared;
        EXPECT_EQ(e.id, it->second) << e.id << " is named like knowledge-base entity " << it->second;
      }
    }
    // Wires: AFP, Reuters, SANA, IRNA, Saba ...; outlets: Al Jazeera, Erem
    // News, Enab Baladi ... are in both.
    EXPECT_GE(shared, 10);
  }
}

TEST(MediaRegistryRowsTest, RejectsDuplicateIds) {
  std::vector<std::vector<std::string>> rows = {{"x", "اكس", "X", "x.com", "SY", "", "اكس", ""},
                                                {"x", "اكس", "X", "y.com", "SY", "", "اكس", ""}};
  EXPECT_FALSE(MediaRegistry::FromRows(rows, "test").ok());
}

TEST(MediaRegistryRowsTest, MissingFileIsIoError) {
  auto reg = MediaRegistry::Load("/nonexistent/outlets.tsv");
  ASSERT_FALSE(reg.ok());
  EXPECT_EQ(reg.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace marsad::clean
