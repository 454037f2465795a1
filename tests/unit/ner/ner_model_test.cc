#include "marsad/ner/ner_model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "marsad/normalize/arabic_normalizer.h"

namespace marsad {
namespace {

// A tiny synthetic language: "<verb> the general <first> <last> that ... the
// city of <place>". Names are drawn from small lists; the test sentences use
// names the model never saw, so it must learn the context, not the words.
const std::vector<std::string> kFirst = {"سامر", "خليل", "نبيل", "فادي",
                                         "رامي", "هشام", "ماجد", "باسل"};  // Samer, Khalil, Nabil, ...
const std::vector<std::string> kLast = {"الحلبي", "الزعبي", "النجار", "الخطيب",
                                        "العلي",  "الحسن",  "الأحمد", "السيد"};  // al-Halabi, ...
const std::vector<std::string> kPlaces = {"كفرنبل", "سراقب", "معرة", "تلبيسة",
                                          "القصير", "داريا", "دوما", "الرستن"};  // Kafranbel, Saraqib, ...

// Words: "qala" (said), "al-liwa'" (major general), "inna" (that),
// "al-quwat" (the forces), "wasalat" (arrived), "ila" (to), "madinat" (city of).
NerSentence Sentence(const std::string& first, const std::string& last, const std::string& place) {
  NerSentence s;
  s.words = {"قال", "اللواء", first, last, "إن", "القوات", "وصلت", "إلى", "مدينة", place, "."};
  s.tags = {"O", "O", "B-PERS", "I-PERS", "O", "O", "O", "O", "O", "B-GPE", "O"};
  return s;
}

// "zara" (visited), <place>, "amsi" (yesterday), "wa-iltaqa" (and met), "al-shaykh" (sheikh) <first>.
NerSentence Sentence2(const std::string& first, const std::string& place) {
  NerSentence s;
  s.words = {"زار", place, "أمس", "والتقى", "الشيخ", first};
  s.tags = {"O", "B-GPE", "O", "O", "O", "B-PERS"};
  return s;
}

std::vector<NerSentence> TrainingSet() {
  std::vector<NerSentence> out;
  for (size_t i = 0; i < 6; ++i) {
    for (size_t j = 0; j < 6; ++j) {
      out.push_back(Sentence(kFirst[i], kLast[j], kPlaces[(i + j) % 6]));
      out.push_back(Sentence2(kFirst[j], kPlaces[i]));
    }
  }
  return out;
}

NerTrainOptions Options() {
  NerTrainOptions o;
  o.epochs = 8;
  o.runs = 1;
  o.o_bias = 0;  // the recall knob is in raw score units, tuned for Wojood-sized data
  o.log2_buckets = 14;
  o.trained_on = "synthetic";
  o.command = "ner_model_test";
  // "al-liwa'" (major general) = title, "madina" (city) = gpe, "al-shaykh" = title.
  o.triggers_tsv = "phrase\tclass\nاللواء\ttitle\nالشيخ\ttitle\nمدينة\tgpe\n";
  return o;
}

NerModel TrainSynthetic() {
  NerModel model;
  auto train = TrainingSet();
  Status s = TrainNer(Options(), train, nullptr, &model);
  EXPECT_TRUE(s.ok()) << s.message();
  return model;
}

TEST(NerModelTest, LearnsSyntheticSetAndGeneralizesToUnseenNames) {
  NerModel model = TrainSynthetic();
  for (const auto& s : TrainingSet()) {
    EXPECT_EQ(model.PredictTags(NerTokensFromWords(s.words)), s.tags);
  }
  // Unseen first, last and place names (kFirst[7], kLast[7], kPlaces[7]).
  NerSentence unseen = Sentence(kFirst[7], kLast[7], kPlaces[7]);
  std::vector<Token> toks = NerTokensFromWords(unseen.words);
  auto spans = model.Predict(toks, 0, toks.size());
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (NerSpan{2, 4, "PERS", 0}));
  EXPECT_EQ(spans[1], (NerSpan{9, 10, "GPE", 0}));
  for (const auto& sp : spans) {
    EXPECT_GT(sp.score, 0.0f);
    EXPECT_LT(sp.score, 1.0f + 1e-6f);
  }
}

TEST(NerModelTest, PredictUsesAbsoluteIndicesAndToleratesBadRanges) {
  NerModel model = TrainSynthetic();
  NerSentence a = Sentence2(kFirst[6], kPlaces[6]);
  NerSentence b = Sentence(kFirst[0], kLast[0], kPlaces[0]);
  std::vector<std::string> words = a.words;
  words.insert(words.end(), b.words.begin(), b.words.end());
  std::vector<Token> toks = NerTokensFromWords(words);
  size_t off = a.words.size();
  auto spans = model.Predict(toks, off, toks.size());
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].first, off + 2);
  EXPECT_EQ(spans[1].first, off + 9);
  EXPECT_TRUE(model.Predict(toks, 5, 5).empty());
  EXPECT_TRUE(model.Predict(toks, 8, 3).empty());
  EXPECT_TRUE(model.Predict(toks, toks.size() + 10, toks.size() + 20).empty());
  EXPECT_TRUE(model.Predict({}, 0, 0).empty());
  // A gazetteer of the wrong size is ignored rather than read out of bounds.
  std::vector<std::string> short_gaz = {"B-place"};
  EXPECT_EQ(model.Predict(toks, off, toks.size(), &short_gaz).size(), 2u);
  std::vector<std::string> gaz(toks.size());
  gaz[off + 9] = "B-place";
  EXPECT_EQ(model.Predict(toks, off, toks.size(), &gaz).size(), 2u);
}

TEST(NerModelTest, EmptyTokensAndOddWordsDoNotCrash) {
  NerModel model = TrainSynthetic();
  std::vector<Token> toks = NerTokensFromWords({"", " ", "\xD9\x80\xD9\x80", "\xFF\xFE", "123", "?"});
  toks.push_back(Token());         // default token: empty norm and stem
  toks.back().prefix_bytes = 200;  // inconsistent clitic counts are clamped
  toks.back().suffix_bytes = 200;
  auto spans = model.Predict(toks, 0, toks.size());
  for (const auto& s : spans) EXPECT_LE(s.last, toks.size());
}

TEST(NerModelTest, SaveLoadRoundTripPredictsTheSame) {
  NerModel model = TrainSynthetic();
  std::string path = testing::TempDir() + "/ner_model_test.model";
  ASSERT_TRUE(model.Save(path).ok());
  auto loaded = NerModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->provenance(), model.provenance());
  EXPECT_NE(loaded->provenance().find("synthetic"), std::string::npos);
  EXPECT_EQ(loaded->tags(), model.tags());
  EXPECT_TRUE(loaded->stemmer_matches());
  for (const auto& s : TrainingSet()) {
    auto toks = NerTokensFromWords(s.words);
    auto a = model.Predict(toks, 0, toks.size());
    auto b = loaded->Predict(toks, 0, toks.size());
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k], b[k]);
      EXPECT_FLOAT_EQ(a[k].score, b[k].score);
    }
  }
  EXPECT_EQ(loaded->Serialize(), model.Serialize());
  std::remove(path.c_str());
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t p = s.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return s;
}

TEST(NerModelTest, RefusesStaleOrForeignHeaders) {
  std::string bytes = TrainSynthetic().Serialize();
  ASSERT_EQ(bytes.rfind("MARSAD-NER format=1 normalization=", 0), 0u);
  ASSERT_TRUE(NerModel::Parse(bytes).ok());

  auto norm = NerModel::Parse(
      Replace(bytes, "normalization=" + std::to_string(kNormalizationVersion), "normalization=999"));
  ASSERT_FALSE(norm.ok());
  EXPECT_EQ(norm.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(norm.status().message().find("normalization version 999"), std::string::npos);
  EXPECT_NE(norm.status().message().find("retrain"), std::string::npos);

  auto format = NerModel::Parse(Replace(bytes, "format=1", "format=7"));
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.status().code(), StatusCode::kFailedPrecondition);

  auto features = NerModel::Parse(Replace(bytes, "features=1", "features=0"));
  EXPECT_EQ(features.status().code(), StatusCode::kFailedPrecondition);

  auto magic = NerModel::Parse("MARSAD-POS format=1\n");
  EXPECT_EQ(magic.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(NerModel::Parse("").ok());

  // Truncated weights and a corrupted tag line are data errors, not crashes.
  auto truncated = NerModel::Parse(bytes.substr(0, bytes.size() - 10));
  EXPECT_EQ(truncated.status().code(), StatusCode::kDataError);
  auto tags = NerModel::Parse(Replace(bytes, "tags: O B-PERS I-PERS", "tags: O B-PERS I-GPE"));
  EXPECT_EQ(tags.status().code(), StatusCode::kDataError);

  auto missing = NerModel::Load(testing::TempDir() + "/no-such.model");
  EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
}

TEST(NerModelTest, TrainerRejectsBadOptions) {
  NerModel model;
  EXPECT_FALSE(TrainNer(Options(), {}, nullptr, &model).ok());
  NerTrainOptions o = Options();
  o.log2_buckets = 40;
  EXPECT_FALSE(TrainNer(o, TrainingSet(), nullptr, &model).ok());
  o = Options();
  o.triggers_tsv = "no tab on this line\n";
  EXPECT_FALSE(TrainNer(o, TrainingSet(), nullptr, &model).ok());
}

TEST(NerModelTest, LexiconMatchesLongestPhraseOnStems) {
  NerPhraseLexicon lex;
  lex.Add("دير الزور", "GPE");  // Deir ez-Zor
  lex.Add("دير", "title");      // "monastery" (a shorter, competing entry)
  // "wa-bi-dayr al-zur" (and in Deir ez-Zor), "al-yawm" (today)
  std::vector<Token> toks = NerTokensFromWords({"وبدير", "الزور", "اليوم", "دير"});
  std::vector<uint8_t> labels, begins;
  lex.Match(toks, 0, toks.size(), &labels, &begins);
  ASSERT_EQ(labels.size(), 4u);
  EXPECT_EQ(lex.labels()[labels[0] - 1], "GPE");
  EXPECT_EQ(labels[1], labels[0]);
  EXPECT_EQ(begins[0], 1);
  EXPECT_EQ(begins[1], 0);
  EXPECT_EQ(labels[2], 0);
  EXPECT_EQ(lex.labels()[labels[3] - 1], "title");
}

// The shipped model: it loads, and on the Wojood sample's validation part it
// stays above a regression floor (the figure itself is printed by
// `marsad eval ner`; see docs/ner.md).
TEST(NerShippedModelTest, LoadsAndKeepsItsFloorOnWojoodVal) {
  std::string path = std::string(MARSAD_SOURCE_DIR) + "/models/ner-wojood.model";
  auto model = NerModel::Load(path);
  ASSERT_TRUE(model.ok()) << model.status().message();
  EXPECT_NE(model->provenance().find("wojood-sample/train.txt"), std::string::npos);
  std::string val = std::string(MARSAD_SHARED_DIR) + "/data/wojood-sample/val.txt";
  if (!std::filesystem::exists(val)) GTEST_SKIP() << "no " << val << " (public data set absent)";
  auto sents = ReadNerConll(val);
  ASSERT_TRUE(sents.ok());
  NerScorer scorer;
  for (const auto& s : *sents) {
    auto toks = NerTokensFromWords(s.words);
    scorer.Add(SpansFromBio(s.tags), model->Predict(toks, 0, toks.size()));
  }
  EXPECT_GE(scorer.Micro().F1(), 77.0) << scorer.Report();
}

}  // namespace
}  // namespace marsad
