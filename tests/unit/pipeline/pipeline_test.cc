#include "marsad/pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace marsad {
namespace {

class FakeStage : public Stage {
 public:
  FakeStage(std::string name, std::vector<std::string> req, std::vector<std::string> prov,
            bool throw_on_bad = false)
      : name_(std::move(name)), req_(std::move(req)), prov_(std::move(prov)), throw_(throw_on_bad) {}
  std::string Name() const override { return name_; }
  std::vector<std::string> Requires() const override { return req_; }
  std::vector<std::string> Provides() const override { return prov_; }
  Status Process(Document& doc) const override {
    if (throw_ && doc.raw == "bad") throw std::runtime_error("boom");
    doc.body += name_ + ";";
    return Status::Ok();
  }

 private:
  std::string name_;
  std::vector<std::string> req_, prov_;
  bool throw_;
};

TEST(PipelineTest, RejectsMissingLayerAndNamesIt) {
  auto p = Pipeline::Create({std::make_shared<FakeStage>("b.v1", std::vector<std::string>{"tokens"},
                                                         std::vector<std::string>{"entities"})});
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("tokens"), std::string::npos);
  EXPECT_NE(p.status().message().find("b.v1"), std::string::npos);
}

TEST(PipelineTest, RejectsDuplicateStage) {
  auto s = std::make_shared<FakeStage>("a.v1", std::vector<std::string>{}, std::vector<std::string>{"x"});
  EXPECT_FALSE(Pipeline::Create({s, s}).ok());
}

TEST(PipelineTest, RunsInOrderKeepsDocumentOrderAndSurvivesExceptions) {
  auto p = Pipeline::Create(
      {std::make_shared<FakeStage>("a.v1", std::vector<std::string>{"raw"}, std::vector<std::string>{"body"}, true),
       std::make_shared<FakeStage>("b.v1", std::vector<std::string>{"body"}, std::vector<std::string>{"tokens"})});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  std::vector<Document> docs(200);
  for (size_t i = 0; i < docs.size(); ++i) docs[i].raw = i == 7 ? "bad" : std::to_string(i);
  RunStats stats = p->Run(docs, {.threads = 4});
  EXPECT_EQ(stats.documents, 200);
  EXPECT_EQ(stats.failed, 1);
  EXPECT_TRUE(docs[7].failed);
  ASSERT_EQ(docs[7].diagnostics.size(), 1u);
  EXPECT_NE(docs[7].diagnostics[0].message.find("boom"), std::string::npos);
  EXPECT_EQ(docs[8].body, "a.v1;b.v1;");
  EXPECT_EQ(docs[8].raw, "8");
  EXPECT_TRUE(docs[8].layers.count("tokens"));
  ASSERT_EQ(stats.stages.size(), 2u);
  EXPECT_EQ(stats.stages[0].name, "a.v1");
}

}  // namespace
}  // namespace marsad
