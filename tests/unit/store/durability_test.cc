// kill -9 durability: a child process writes batches and is SIGKILLed in
// the middle of a run; every batch it reported as committed must be there
// and the file must pass PRAGMA integrity_check.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "marsad/store/store.h"
#include "store_test_util.h"

namespace marsad {
namespace {

using store_test::MakeDoc;
using store_test::RawExec;
using store_test::TempDir;

constexpr int kBatch = 25;

std::string Body(int i) {
  // "Report number i about the situation in the city", varied per document.
  return "تقرير رقم " + std::to_string(i) + " عن الوضع في المدينة " + std::to_string(i * 7919);
}

TEST(StoreDurabilityTest, SigkillMidBatchLosesNothingCommitted) {
  TempDir dir;
  const std::string path = dir.path() + "/marsad.db";
  { ASSERT_TRUE(Store::Open(path).ok()); }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    auto store = Store::Open(path);
    if (!store.ok()) _exit(2);
    for (int b = 0;; ++b) {
      std::vector<Document> docs;
      for (int i = 0; i < kBatch; ++i) docs.push_back(MakeDoc(Body(b * kBatch + i), "t"));
      std::vector<const Document*> ptrs;
      for (const Document& d : docs) ptrs.push_back(&d);
      if (!(*store)->PutBatch(ptrs).ok()) _exit(3);
      int32_t committed = b + 1;
      if (write(fds[1], &committed, sizeof committed) != sizeof committed) _exit(4);
    }
  }
  close(fds[1]);
  int32_t committed = 0, n = 0;
  // Let a few batches commit, then kill the writer mid-stream.
  while (committed < 8 && read(fds[0], &n, sizeof n) == sizeof n) committed = n;
  kill(child, SIGKILL);
  // Batches committed between our last read and the kill are reported too.
  while (read(fds[0], &n, sizeof n) == sizeof n) committed = n;
  close(fds[0]);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the writer stopped on its own: " << wstatus;
  ASSERT_GE(committed, 8);

  EXPECT_EQ(RawExec(path, "PRAGMA integrity_check"), "ok");
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  // Whole batches only: the one in flight is either all there or absent.
  EXPECT_GE(stats->documents, int64_t{committed} * kBatch);
  EXPECT_EQ(stats->documents % kBatch, 0);
  for (int i = 0; i < committed * kBatch; ++i) {
    auto id = (*store)->FindByHash(DocumentContentHash(Body(i)));
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(id->has_value()) << "document " << i << " lost";
  }
  // The FTS index is consistent with its content table.
  EXPECT_EQ(RawExec(path, "SELECT count(*) FROM documents"), std::to_string(stats->documents));
  auto hits = (*store)->Search("تقرير", {.limit = 100000});  // "report"
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(static_cast<int64_t>(hits->size()), stats->documents);
}

}  // namespace
}  // namespace marsad
