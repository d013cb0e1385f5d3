// Fault injection on the way out: records written to a full disk (/dev/full, and a small tmpfs
// where the tests may mount one), SQLite I/O errors from a VFS that fails from the Nth write on,
// the PostgreSQL server stopped mid-run, and an output file that cannot be created. Each must
// stop the run with exit status 2 and a message naming the cause, leave a database of whole
// reports only, and let the same command, run again, complete with exact counts.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

#include "db_helpers.hpp"
#include "extractor/bulk/bulk_run.hpp"

namespace nianbao::testing {
namespace {

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

struct Corpus {
  ScratchDir dir;
  std::vector<fs::path> files;
  explicit Corpus(int copies) : files(make_text_corpus(dir.path() / "in", copies)) {}
  std::string in() const { return quoted(dir.path() / "in"); }
  long long n() const { return static_cast<long long>(files.size()); }
};

// `nianbao ARGS` with its stderr in a file; the status and what it said.
struct Said {
  int status = -1;
  std::string err;
};
Said nianbao_saying(const ScratchDir& dir, const std::string& args) {
  const fs::path err = dir.path() / "stderr.txt";
  Said said;
  said.status = run_shell(nianbao_binary().string() + " " + args + " 2>" + quoted(err)).status;
  said.err = read_text(err);
  return said;
}

// A tmpfs mounted for the test's life (root only, and only where mounting is allowed: a
// container without CAP_SYS_ADMIN cannot); mounted() says whether it is there.
class SmallTmpfs {
 public:
  explicit SmallTmpfs(const std::string& options) {
    if (geteuid() != 0 || dir_.path().empty()) return;
    mounted_ = run_shell("mount -t tmpfs -o " + options + " nianbao-test " + quoted(dir_.path()) +
                         " 2>/dev/null")
                   .status == 0;
  }
  SmallTmpfs(const SmallTmpfs&) = delete;
  SmallTmpfs& operator=(const SmallTmpfs&) = delete;
  ~SmallTmpfs() {
    if (mounted_) run_shell("umount " + quoted(dir_.path()) + " 2>/dev/null");
  }
  bool mounted() const { return mounted_; }
  const fs::path& path() const { return dir_.path(); }

 private:
  ScratchDir dir_;
  bool mounted_ = false;
};

TEST(Faults, RecordsToAFullDiskStopTheRunNamingTheCause) {
  Corpus corpus(2);
  // /dev/full fails every write with ENOSPC, as a full disk does.
  for (const std::string form : {"--ndjson", "--flat csv", "--flat ndjson"}) {
    const Said said =
        nianbao_saying(corpus.dir, "extract -q " + form + " -o /dev/full " + corpus.in());
    EXPECT_EQ(said.status, 2) << form;
    EXPECT_NE(said.err.find("cannot write the records to /dev/full: No space left on device"),
              std::string::npos)
        << form << ": " << said.err;
  }
  const Said to_stdout = nianbao_saying(corpus.dir, "extract -q " + corpus.in() + " >/dev/full");
  EXPECT_EQ(to_stdout.status, 2);
  EXPECT_NE(to_stdout.err.find("standard output: No space left on device"), std::string::npos)
      << to_stdout.err;
}

TEST(Faults, AFullTmpfsMidwayLeavesWholeReportsAndARerunCompletes) {
  SmallTmpfs disk("size=192k");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (not root, or no CAP_SYS_ADMIN)";
  Corpus corpus(2);  // 14 records of ~60 KB: the disk fills after three
  const fs::path db_file = corpus.dir.path() / "out.sqlite";
  for (const std::string form : {"--ndjson", "--flat csv"}) {
    fs::remove(db_file);
    const fs::path full = disk.path() / "records.out";
    const std::string db = " --batch 1 --db " + quoted(db_file) + " ";
    const Said said = nianbao_saying(
        corpus.dir, "extract -q " + form + db + "-o " + quoted(full) + " " + corpus.in());
    EXPECT_EQ(said.status, 2) << form;
    EXPECT_NE(
        said.err.find("cannot write the records to " + full.string() + ": No space left on device"),
        std::string::npos)
        << said.err;
    EXPECT_GT(fs::file_size(full), 0u);  // it failed midway, not at once
    {
      SqliteReader reader(db_file);
      EXPECT_LT(reader.count("SELECT count(*) FROM reports"), corpus.n());
      expect_whole(reader);
    }
    fs::remove(full);
    const fs::path good = corpus.dir.path() / "records.out";
    const Said again = nianbao_saying(
        corpus.dir, "extract -q " + form + db + "-o " + quoted(good) + " " + corpus.in());
    EXPECT_EQ(again.status, 0) << again.err;
    const std::string written = read_text(good);
    if (form == "--ndjson") {
      EXPECT_EQ(line_count(written), corpus.files.size());
    }
    SqliteReader reader(db_file);
    EXPECT_EQ(reader.count("SELECT count(*) FROM reports"), corpus.n());
    EXPECT_EQ(reader.count("SELECT count(*) FROM paths"), corpus.n());
    expect_whole(reader);
  }
}

TEST(Faults, AnOutputThatCannotBeCreatedStopsBeforeAnythingIsRead) {
  Corpus corpus(1);
  const fs::path db_file = corpus.dir.path() / "out.sqlite";
  const fs::path a_file = corpus.files.at(0);
  struct Case {
    fs::path output;
    std::string cause;
  };
  std::vector<Case> cases = {
      {corpus.dir.path() / "no" / "such" / "dir" / "out.ndjson", "No such file or directory"},
      {a_file / "out.ndjson", "Not a directory"},
  };
  // A read-only directory: permissions stop anyone but root; root is stopped by a read-only
  // file system, where one can be mounted.
  const fs::path locked = corpus.dir.path() / "locked";
  fs::create_directories(locked);
  SmallTmpfs read_only("ro,size=64k");
  if (geteuid() != 0) {
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    cases.push_back({locked / "out.ndjson", "Permission denied"});
  } else if (read_only.mounted()) {
    cases.push_back({read_only.path() / "out.ndjson", "Read-only file system"});
  }
  for (const Case& c : cases) {
    for (const std::string form : {"--ndjson", "--flat csv"}) {
      const Said said =
          nianbao_saying(corpus.dir, "extract -q " + form + " --db " + quoted(db_file) + " -o " +
                                         quoted(c.output) + " " + corpus.in());
      EXPECT_EQ(said.status, 2) << c.output;
      EXPECT_NE(said.err.find("cannot create " + c.output.string() + ": " + c.cause),
                std::string::npos)
          << said.err;
      EXPECT_FALSE(fs::exists(db_file)) << "the database was opened although the output failed";
    }
  }
  const Said bad_db = nianbao_saying(
      corpus.dir,
      "extract -q --db " + quoted(corpus.dir.path() / "no" / "x.sqlite") + " " + corpus.in());
  EXPECT_EQ(bad_db.status, 2);
  EXPECT_NE(bad_db.err.find("cannot open " + (corpus.dir.path() / "no" / "x.sqlite").string()),
            std::string::npos)
      << bad_db.err;
  fs::permissions(locked, fs::perms::owner_all);
  const fs::path good = corpus.dir.path() / "out.ndjson";
  const Said again = nianbao_saying(
      corpus.dir, "extract -q --db " + quoted(db_file) + " -o " + quoted(good) + " " + corpus.in());
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(line_count(read_text(good)), corpus.files.size());
  SqliteReader reader(db_file);
  EXPECT_EQ(reader.count("SELECT count(*) FROM paths"), corpus.n());
}

// A VFS over the default one whose files fail every write from the Nth on (a disk that broke,
// or filled, midway), SQLITE_IOERR_WRITE as a real one gives.
class FailingVfs {
 public:
  FailingVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    vfs_ = *real_;
    vfs_.zName = "nianbao-failing";
    vfs_.pNext = nullptr;
    vfs_.szOsFile = static_cast<int>(sizeof(File)) + real_->szOsFile;
    vfs_.xOpen = &FailingVfs::open;
    methods_for(nullptr);  // nothing yet
    sqlite3_vfs_register(&vfs_, 1);
  }
  FailingVfs(const FailingVfs&) = delete;
  FailingVfs& operator=(const FailingVfs&) = delete;
  ~FailingVfs() { sqlite3_vfs_unregister(&vfs_); }

  // 0: never fail.
  void fail_from(long n) {
    writes_ = 0;
    fail_from_ = n;
  }
  long writes() const { return writes_; }

 private:
  struct File {
    sqlite3_file base;
    sqlite3_file* real;
  };
  static sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

  static int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
                  int* out_flags) {
    File* ours = reinterpret_cast<File*>(file);
    ours->base.pMethods = nullptr;
    ours->real = reinterpret_cast<sqlite3_file*>(ours + 1);
    const int rc = real_->xOpen(real_, name, ours->real, flags, out_flags);
    if (rc == SQLITE_OK && ours->real->pMethods != nullptr)
      ours->base.pMethods = methods_for(ours->real->pMethods);
    (void)vfs;
    return rc;
  }

  static int write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
    const long n = ++writes_;
    if (fail_from_ > 0 && n >= fail_from_) return SQLITE_IOERR_WRITE;
    return real(f)->pMethods->xWrite(real(f), data, amount, offset);
  }

  // The real file's methods, each forwarded to the real file, with xWrite failing on cue. All
  // files of the unix VFS share one method table, so one copy serves.
  static const sqlite3_io_methods* methods_for(const sqlite3_io_methods* r) {
    static sqlite3_io_methods m{};
    if (r == nullptr) return &m;
    m.iVersion = r->iVersion;
    m.xClose = [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); };
    m.xRead = [](sqlite3_file* f, void* d, int n, sqlite3_int64 o) {
      return real(f)->pMethods->xRead(real(f), d, n, o);
    };
    m.xWrite = &FailingVfs::write;
    m.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) {
      return real(f)->pMethods->xTruncate(real(f), s);
    };
    m.xSync = [](sqlite3_file* f, int flags) { return real(f)->pMethods->xSync(real(f), flags); };
    m.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) {
      return real(f)->pMethods->xFileSize(real(f), s);
    };
    m.xLock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); };
    m.xUnlock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); };
    m.xCheckReservedLock = [](sqlite3_file* f, int* out) {
      return real(f)->pMethods->xCheckReservedLock(real(f), out);
    };
    m.xFileControl = [](sqlite3_file* f, int op, void* arg) {
      return real(f)->pMethods->xFileControl(real(f), op, arg);
    };
    m.xSectorSize = [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); };
    m.xDeviceCharacteristics = [](sqlite3_file* f) {
      return real(f)->pMethods->xDeviceCharacteristics(real(f));
    };
    if (r->iVersion >= 2) {
      m.xShmMap = [](sqlite3_file* f, int page, int size, int extend, void volatile** out) {
        return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
      };
      m.xShmLock = [](sqlite3_file* f, int offset, int n, int flags) {
        return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
      };
      m.xShmBarrier = [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); };
      m.xShmUnmap = [](sqlite3_file* f, int del) {
        return real(f)->pMethods->xShmUnmap(real(f), del);
      };
    }
    if (r->iVersion >= 3) {
      m.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** out) {
        return real(f)->pMethods->xFetch(real(f), o, n, out);
      };
      m.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* p) {
        return real(f)->pMethods->xUnfetch(real(f), o, p);
      };
    }
    return &m;
  }

  static inline sqlite3_vfs* real_ = nullptr;
  static inline std::atomic<long> writes_{0};
  static inline std::atomic<long> fail_from_{0};
  sqlite3_vfs vfs_{};
};

// What `nianbao extract --db FILE` does (open the store, run, close), in this process so that
// the failing VFS is under it; the CLI turns the exception into exit status 2.
bulk::RunResult ingest_in_process(const fs::path& db_file, const std::string& inputs, long* writes,
                                  const FailingVfs& vfs) {
  std::unique_ptr<store::Store> db = store::open_store(db_file.string());
  bulk::RunOptions options;
  options.inputs = {inputs};
  options.jobs = 2;
  options.form = bulk::RecordForm::none;
  options.store = db.get();
  options.batch_reports = 2;
  options.isolation = bulk::Isolation::processes;
  bulk::RunResult result = bulk::run_bulk(options);
  if (writes != nullptr) *writes = vfs.writes();
  return result;
}

TEST(Faults, SqliteWriteErrorsLeaveWholeReportsAndARerunCompletes) {
  Corpus corpus(2);
  const std::string inputs = (corpus.dir.path() / "in").string();
  FailingVfs vfs;
  vfs.fail_from(0);
  long total = 0;
  ingest_in_process(corpus.dir.path() / "healthy.sqlite", inputs, &total, vfs);
  ASSERT_GT(total, 20);
  for (const long n : {1L, 3L, total / 4, total / 2, 3 * total / 4, total}) {
    const fs::path db_file = corpus.dir.path() / ("fail-" + std::to_string(n) + ".sqlite");
    vfs.fail_from(n);
    try {
      ingest_in_process(db_file, inputs, nullptr, vfs);
      ADD_FAILURE() << "write " << n << " of " << total << " failed, and the run did not say so";
    } catch (const std::runtime_error& e) {
      const std::string why = e.what();
      EXPECT_NE(why.find("disk I/O error"), std::string::npos) << why;
      EXPECT_NE(why.find(db_file.string()), std::string::npos) << why;
    }
    vfs.fail_from(0);
    {
      SqliteReader reader(db_file);
      EXPECT_LT(reader.count("SELECT count(*) FROM paths"), corpus.n()) << n;
      expect_whole(reader);
    }
    const bulk::RunResult again = ingest_in_process(db_file, inputs, nullptr, vfs);
    EXPECT_EQ(again.summary.inputs, corpus.files.size());
    EXPECT_EQ(again.summary.ok, corpus.files.size());
    SqliteReader reader(db_file);
    EXPECT_EQ(reader.count("SELECT count(*) FROM reports"), corpus.n()) << n;
    EXPECT_EQ(reader.count("SELECT count(*) FROM paths"), corpus.n()) << n;
    expect_whole(reader);
  }
}

TEST(Faults, PostgresStoppedMidRunLeavesWholeReportsAndARerunCompletes) {
  if (!postgres_bindir()) GTEST_SKIP() << "PostgreSQL server binaries are not installed";
  PostgresServer server;
  ASSERT_TRUE(server.started()) << server.log();
  Corpus corpus(15);
  const fs::path err = corpus.dir.path() / "stderr.txt";
  const std::string command = nianbao_binary().string() + " extract -q -j1 --batch 2 --db '" +
                              server.uri() + "' " + corpus.in();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string line = "exec " + command + " >/dev/null 2>" + quoted(err);
    execl("/bin/sh", "sh", "-c", line.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  long long seen = 0;
  for (int i = 0; i < 3000 && seen < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    PostgresReader db(server.uri());
    seen = db.count("SELECT count(*) FROM reports");
  }
  server.stop();
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  ASSERT_TRUE(WIFEXITED(wait_status));
  EXPECT_EQ(WEXITSTATUS(wait_status), 2);
  const std::string said = read_text(err);
  EXPECT_NE(said.find("nianbao extract: postgresql: "), std::string::npos) << said;
  EXPECT_NE(said.find("connection"), std::string::npos) << said;
  ASSERT_TRUE(server.start()) << server.log();
  PostgresReader db(server.uri());
  const long long at_stop = db.count("SELECT count(*) FROM reports");
  EXPECT_GE(at_stop, 4);
  EXPECT_LT(at_stop, corpus.n()) << "the run finished before the server was stopped";
  expect_whole(db);
  EXPECT_EQ(run_shell(command + " 2>/dev/null").status, 0);
  EXPECT_EQ(db.count("SELECT count(*) FROM reports"), corpus.n());
  EXPECT_EQ(db.count("SELECT count(*) FROM paths"), corpus.n());
  expect_whole(db);
}

}  // namespace
}  // namespace nianbao::testing
