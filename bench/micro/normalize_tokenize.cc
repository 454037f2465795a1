// Micro benchmarks of the normalizer and tokenizer on synthetic Arabic news
// text (about 400 KB, generated from sentences written for this benchmark,
// with a fixed seed): MatchForm, DisplayForm, Tokenize (with norm and stem)
// and the two together. Run:
//   build/bench/bench_normalize_tokenize --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "marsad/normalize/arabic_normalizer.h"
#include "marsad/tokenize/tokenizer.h"

namespace {

// Sentences in the register of wire copy, written for this benchmark (they
// describe no real event). A few carry diacritics, tatweel, Arabic-Indic
// digits, guillemets and Latin names, as scraped news does.
const char* const kSentences[] = {
    "أعلنت وزارة الدفاع في بيان صدر مساء الثلاثاء أن قواتها سيطرت على ثلاث قرى في ريف المحافظة الشرقي.",
    "وقال المتحدث باسم الحكومة للصحفيين إن «المفاوضات مستمرة» وإن الوفد سيعود إلى العاصمة يوم الخميس.",
    "وبحسب مصادر ميدانية، فإن الاشتباكات أسفرت عن مقتل ١٢ مقاتلاً وإصابة ٢٥ آخرين بجروح متفاوتة.",
    "ونقلت وكالة Reuters عن مسؤول محلي قوله إن نحو 3,500 عائلة نزحت من المدينة خلال الأسبوع الماضي.",
    "وأكد رئيس المجلس المحلي أن المياه والكهرباء عادت إلى الأحياء الجنوبية بعد انقطاع دام عشرة أيام.",
    "وارتفعت نسبة التضخم إلى 7.5% في الربع الثالث، وفق ما أظهرته بيانات البنك المركزي يوم الأحد.",
    "ونفى الجيش في بيان لاحق ما تداولته وسائل التواصل الاجتماعي عن انسحاب وحداته من المنطقة الحدودية.",
    "وكانت الأمم المتحدة قد دعت الأطراف كافة إلى ضبط النفس وفتح ممرات إنسانية آمنة للمدنيين.",
    "وَقَالَ مُراسِلُنا إنّ الطـــريق الدولي بقي مغلقاً حتى ساعات الصباح الأولى.",
    "ويأتي هذا التطور بعد أسابيع من التوتر بين الجانبين، إثر خلاف على إدارة المعبر والمنافذ التجارية.",
    "وشارك في الاجتماع وزراء خارجية ست دول، إضافة إلى ممثلين عن الاتحاد الأوروبي والجامعة العربية.",
    "ولفت التقرير إلى أن أكثر من ٤٠ في المئة من سكان الريف يعتمدون على المساعدات الغذائية.",
    "هل ستنجح الوساطة هذه المرة؟ يقول محللون إن فرصها «ضئيلة» ما لم تتغير مواقف العواصم المعنية.",
    "وذكرت صحيفة محلية أن المحكمة أرجأت النظر في القضية إلى الخامس عشر من الشهر المقبل.",
    "وأوضح المرصد أن الطائرات المسيّرة استهدفت مستودعاً للذخيرة قرب المطار العسكري فجر اليوم.",
    "وأشار الوزير إلى أن الحكومة خصصت 120 مليون دولار لإعادة تأهيل المدارس والمستشفيات المتضررة.",
};

std::string MakeCorpus(size_t target_bytes) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<size_t> pick(0, std::size(kSentences) - 1);
  std::uniform_int_distribution<int> para(3, 7);
  std::string out;
  while (out.size() < target_bytes) {
    int n = para(rng);
    for (int i = 0; i < n; ++i) {
      out += kSentences[pick(rng)];
      out += ' ';
    }
    out += "\n\n";
  }
  return out;
}

const std::string& Corpus() {
  static const std::string corpus = MakeCorpus(400 * 1024);
  return corpus;
}

void BM_MatchForm(benchmark::State& state) {
  const std::string& text = Corpus();
  std::string out;
  std::vector<int32_t> align;
  for (auto _ : state) {
    marsad::MatchForm(text, &out, &align);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_MatchForm);

void BM_DisplayForm(benchmark::State& state) {
  const std::string& text = Corpus();
  std::string out;
  std::vector<int32_t> align;
  for (auto _ : state) {
    marsad::DisplayForm(text, &out, &align);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_DisplayForm);

void BM_Tokenize(benchmark::State& state) {
  const std::string& text = Corpus();
  for (auto _ : state) {
    std::vector<marsad::Token> toks = marsad::Tokenize(text);
    benchmark::DoNotOptimize(toks.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_Tokenize);

// What the pipeline does per document: matching form with alignment, then
// sentences and tokens (each with norm and stem).
void BM_NormalizeAndTokenize(benchmark::State& state) {
  const std::string& text = Corpus();
  std::string out;
  std::vector<int32_t> align;
  for (auto _ : state) {
    marsad::MatchForm(text, &out, &align);
    std::vector<marsad::Token> toks = marsad::Tokenize(text);
    benchmark::DoNotOptimize(toks.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * text.size());
}
BENCHMARK(BM_NormalizeAndTokenize);

}  // namespace

BENCHMARK_MAIN();
