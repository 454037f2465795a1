#include "marsad/pipeline/pipeline.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "marsad/common/progress.h"

namespace marsad {

StatusOr<Pipeline> Pipeline::Create(std::vector<StagePtr> stages,
                                    std::vector<std::string> initial_layers) {
  std::set<std::string> have(initial_layers.begin(), initial_layers.end());
  std::set<std::string> names;
  for (const auto& stage : stages) {
    if (!stage) return InvalidArgument("pipeline: null stage");
    if (!names.insert(stage->Name()).second) {
      return InvalidArgument("pipeline: stage " + stage->Name() + " appears twice");
    }
    for (const auto& req : stage->Requires()) {
      if (!have.count(req)) {
        return FailedPrecondition("pipeline: stage " + stage->Name() + " requires layer '" + req +
                                  "', which no earlier stage provides");
      }
    }
    for (const auto& prov : stage->Provides()) have.insert(prov);
  }
  return Pipeline(std::move(stages));
}

void Pipeline::ProcessOne(Document& doc, std::vector<double>* stage_seconds) const {
  if (doc.layers.empty()) doc.layers.insert("raw");
  for (size_t i = 0; i < stages_.size(); ++i) {
    if (doc.failed) break;
    const Stage& stage = *stages_[i];
    auto t0 = std::chrono::steady_clock::now();
    Status status;
    try {
      status = stage.Process(doc);
    } catch (const std::exception& e) {
      status = Internal(std::string("exception: ") + e.what());
    } catch (...) {
      status = Internal("unknown exception");
    }
    if (stage_seconds) {
      (*stage_seconds)[i] += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    if (!status.ok()) {
      doc.AddDiagnostic(stage.Name(), "stage-failed", status.ToString(), Severity::kError);
      doc.failed = true;
      break;
    }
    for (const auto& p : stage.Provides()) doc.layers.insert(p);
  }
}

RunStats Pipeline::Run(std::vector<Document>& docs, const RunOptions& options) const {
  RunStats stats;
  auto t0 = std::chrono::steady_clock::now();
  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::max(1, std::min<int>(threads, static_cast<int>(docs.size())));
  ProgressBar bar(options.progress_label, static_cast<int64_t>(docs.size()),
                  options.progress && ProgressBar::StderrIsInteractive());
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<double> total(stages_.size(), 0.0);
  auto worker = [&] {
    std::vector<double> local(stages_.size(), 0.0);
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= docs.size()) break;
      ProcessOne(docs[i], &local);
      if (options.on_done) {
        std::lock_guard<std::mutex> lock(mu);
        options.on_done(i, docs[i]);
      }
      bar.Tick();
    }
    std::lock_guard<std::mutex> lock(mu);
    for (size_t s = 0; s < local.size(); ++s) total[s] += local[s];
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& th : pool) th.join();
  }
  bar.Finish();
  for (const auto& d : docs) {
    ++stats.documents;
    stats.failed += d.failed;
    stats.bytes += static_cast<int64_t>(d.raw.size());
  }
  for (size_t s = 0; s < stages_.size(); ++s) {
    stats.stages.push_back({stages_[s]->Name(), total[s], stats.documents});
  }
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

}  // namespace marsad
