import Foundation
import KurentoCBridge
import KurentoRuntime
import KurentoServer
import Testing

/// What the ModuleManager reports for C libraries it cannot use; none is skipped silently.
@Suite(.enabled(if: !CToolchain.compilers.isEmpty, "no C compiler (gcc or clang) on PATH"))
struct CModuleLoadingTests {
    /// Builds a shared library from C text into its own folder; the folder.
    static func library(_ name: String, _ source: String) throws -> URL {
        let folder = try Paths.temporaryFolder("cshim-load-\(name)")
        let file = folder.appendingPathComponent("\(name).c")
        try Data(source.utf8).write(to: file)
        try CToolchain.compile(CModuleBuilds.compiler(), sources: [file], includes: [Paths.abiInclude],
                               output: folder.appendingPathComponent("lib\(name).so"), compileOnly: false, extra: ["-shared", "-fPIC"])
        return folder
    }

    @Test func libraryWithoutEntryPoint() throws {
        let folder = try Self.library("plain", "int plain_answer(void);\nint plain_answer(void) { return 42; }\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let core = KurentoServerCore(modulesPath: [folder.path])
        let entry = try #require(core.loadReport.entries.last)
        #expect(entry.source.hasSuffix("libplain.so") && entry.outcome == .skipped(.noEntryPoint))
    }

    @Test func libraryOfAnotherABI() throws {
        let source = """
            #include "kidl_c_abi.h"
            static const char *const kmd[] = { "{}", NULL };
            static void set_host(const kidl_c_host *host) { (void)host; }
            static void free_string(char *text) { (void)text; }
            static const kidl_c_module future = { 99, "future", "9.0.0", kmd, 0, NULL, set_host, free_string };
            const kidl_c_module *const *kidl_c_module_entry(void);
            const kidl_c_module *const *kidl_c_module_entry(void) {
                static const kidl_c_module *const modules[] = { &future, NULL };
                return modules;
            }
            """
        let folder = try Self.library("future", source)
        defer { try? FileManager.default.removeItem(at: folder) }
        let core = KurentoServerCore(modulesPath: [folder.path])
        let entry = try #require(core.loadReport.entries.last)
        #expect(entry.outcome == .skipped(.incompatibleRuntime(module: "future", found: 99, expected: 1)))
        #expect(core.modules.module(named: "future") == nil)
    }
}
