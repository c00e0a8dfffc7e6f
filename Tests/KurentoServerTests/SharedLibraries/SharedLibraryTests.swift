import Foundation
import KurentoDemo
import KurentoDemoServer
import KurentoRuntime
import KurentoServer
import Testing

/// Modules loaded with `dlopen` from libraries built in this test run (see `PluginLibraries`), served through
/// the dispatcher, and the load report for every library the loader cannot use.
@Suite(.serialized) struct SharedLibraryTests {
    static func libraries() async throws -> PluginLibraries { try await PluginLibraries.shared.value }

    @Test func aPluginLibraryIsLoadedAndServed() async throws {
        let libraries = try await Self.libraries()
        let folder = try Paths.temporaryFolder("demo-plugin")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("nested/libkidl-demo.so")
        try FileManager.default.createSymbolicLink(at: path, withDestinationURL: libraries.demo)

        // No demo module linked in: it comes from the library only.
        let server = KurentoServerCore(modulesPath: [folder.path])
        let entry = try #require(server.loadReport.entries.first { $0.source == path.path })
        #expect(entry.outcome == .loaded(name: "demo", version: "1.0.0", factories: ["CaptionFeed", "LogoOverlay", "StageFilter"]))
        #expect(server.loadReport.loadedModules == ["core", "elements", "filters", "demo"])
        #expect(server.modules.factory(named: "demo.StageFilter") != nil && server.modules.factory(named: "StageFilter") != nil)

        let s = TestSession(server)
        let pipeline = try await s.pipeline()
        let stage = try await s.element("demo.StageFilter", in: pipeline, ["stageName": "plugin"])
        let feed = try await s.element("CaptionFeed", in: pipeline)
        let pass = try await s.element("PassThrough", in: pipeline)
        #expect(isLocalID(stage.split(separator: "/")[1], qualifiedType: "demo.StageFilter"))
        #expect(try s.describe(stage).hierarchy == ["demo.OverlayBase", "kurento.Filter", "kurento.MediaElement", "kurento.MediaObject"])

        // The plugin's classes derive from the host's FilterBase/EndpointBase and conform to the host's
        // protocols: the host casts them (connect checks `as? MediaElementBase`), the generated glue casts params.
        try s.subscribe(stage, "CaptionShown")
        try s.subscribe(pass, "ElementConnected")
        try await s.invoke(pass, "connect", ["sink": .string(stage), "mediaType": "VIDEO"])
        try await s.invoke(stage, "connect", ["sink": .string(pass), "mediaType": "VIDEO"])
        #expect(s.events.of(type: "ElementConnected").count == 1)
        #expect(try await s.invoke(stage, "getSourceConnections").arrayValue?.count == 1)
        try await s.invoke(stage, "linkFeed", ["feed": .string(feed)])
        try await s.invoke(feed, "push", ["caption": ["text": "from a plugin"]])
        #expect(s.events.of(type: "CaptionShown").first?.data["caption"]?["text"] == "from a plugin")
        #expect(try await s.invoke(stage, "getCaptionHistory").arrayValue?.first?["__module__"] == "demo")
        try await s.invoke(stage, "addTag", ["key": "loaded", "value": "dlopen"])   // MediaObjectBase, in the host
        #expect(try await s.invoke(stage, "getTag", ["key": "loaded"]) == "dlopen")

        let info = try await s.invoke("manager_ServerManager", "getInfo")
        #expect(info["modules"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["core", "elements", "filters", "demo"])
        let kmd = try await s.invoke("manager_ServerManager", "getKmd", ["moduleName": "demo"])
        #expect(kmd.stringValue?.contains("\"StageFilter\"") == true)

        await s.release(pipeline)
        #expect(server.dispatcher.registry.ids == ["manager_ServerManager"])
        #expect(server.dispatcher.registry.invariantViolations().isEmpty)
    }

    @Test func theLoadReportNamesEveryLibraryAndWhy() async throws {
        let libraries = try await Self.libraries()
        let folder = try Paths.temporaryFolder("modules-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        for sub in ["nested", "twice"] { try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
        let broken = folder.appendingPathComponent("broken.so")
        try Data("this is not a shared library\n".utf8).write(to: broken)
        let misfits = folder.appendingPathComponent("libmisfits.so")
        try fm.createSymbolicLink(at: misfits, withDestinationURL: libraries.misfits)
        let ordinary = folder.appendingPathComponent("libordinary.so")
        try fm.createSymbolicLink(at: ordinary, withDestinationURL: libraries.ordinary)
        let demo = folder.appendingPathComponent("nested/libkidl-demo.so")
        try fm.createSymbolicLink(at: demo, withDestinationURL: libraries.demo)
        // The same library a second time, under another name: dlopen hands back the library already loaded,
        // whose entry point hands over the demo module again. (Every test links to the one library built: a
        // copy would be a second library defining the same symbols.)
        let again = folder.appendingPathComponent("twice/libkidl-demo-again.so")
        try fm.createSymbolicLink(at: again, withDestinationURL: demo)
        // Also skipped without a report entry: a folder that does not exist.
        let missingFolder = folder.appendingPathComponent("no-such-folder").path

        let server = KurentoServerCore(modulesPath: [folder.path, missingFolder])
        let report = server.loadReport
        let fromLibraries = report.entries.filter { $0.source != "linked in" }
        func outcomes(_ url: URL) -> [ModuleLoadReport.Outcome] { fromLibraries.filter { $0.source == url.path }.map(\.outcome) }

        // No silent skips: every library is in the report.
        #expect(Set(fromLibraries.map(\.source)) == Set([broken, misfits, ordinary, demo, again].map(\.path)))
        guard case .skipped(.dlopenFailed(let message))? = outcomes(broken).first else {
            Issue.record("broken.so: \(outcomes(broken))")
            return
        }
        #expect(message.contains("broken.so"), "\(message)")
        #expect(outcomes(ordinary) == [.skipped(.noEntryPoint)])
        #expect(outcomes(demo) == [.loaded(name: "demo", version: "1.0.0", factories: ["CaptionFeed", "LogoOverlay", "StageFilter"])])
        #expect(outcomes(again) == [.skipped(.duplicateModule("demo"))])
        #expect(Set(outcomes(misfits)) == [
            .skipped(.incompatibleRuntime(module: "future", found: 2, expected: KidlRuntimeAPI.version)),
            .skipped(.missingDependency(module: "lonely", dependency: "nothere")),
            .skipped(.duplicateFactory(module: "copycat", factory: "PassThrough")),
            // Found before the demo library, loaded once the demo module is.
            .loaded(name: "follower", version: "1.0.0", factories: []),
        ])
        #expect(outcomes(misfits).count == 4)
        #expect(report.loadedModules == ["core", "elements", "filters", "demo", "follower"])

        // The refused modules serve nothing; the core PassThrough is still the core's.
        #expect(server.modules.module(named: "copycat") == nil && server.modules.module(named: "future") == nil)
        #expect(server.modules.factory(named: "PassThrough")?.glue.moduleName == "core")
        // One line per entry, skipped ones with their reason.
        let text = report.description
        #expect(text.contains("skipped \(ordinary.path): no kidl_module_entry symbol"))
        #expect(text.contains("module 'future' was generated for runtime API 2"))
        #expect(text.contains("module 'lonely' imports 'nothere', which is not loaded"))
        #expect(text.contains("module 'copycat': factory 'PassThrough' is already registered"))
        #expect(text.contains("loaded  demo 1.0.0 from \(demo.path): CaptionFeed, LogoOverlay, StageFilter"))
    }

    @Test func aModuleLinkedInIsNotLoadedAgainFromALibrary() async throws {
        let libraries = try await Self.libraries()
        let folder = try Paths.temporaryFolder("duplicate-module")
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = folder.appendingPathComponent("libkidl-demo.so")
        try FileManager.default.createSymbolicLink(at: demo, withDestinationURL: libraries.demo)
        // The demo module linked in (the tests' own) and the same module from a library.
        let server = KurentoServerCore(modules: [DemoModule.loadable], modulesPath: [folder.path])
        let last = try #require(server.loadReport.entries.last)
        #expect(last.source == demo.path && last.outcome == .skipped(.duplicateModule("demo")))
        #expect(server.loadReport.loadedModules == ["core", "elements", "filters", "demo"])
    }

    @Test func searchPathFromOptionAndEnvironment() {
        #expect(ModuleManager.searchPath(option: "/opt/a:/opt/b", environment: ["KURENTO_MODULES_PATH": "/c::/d"])
            == ["/opt/a", "/opt/b", "/c", "/d"])
        #expect(ModuleManager.searchPath(option: nil, environment: ["KURENTO_MODULES_PATH": "/only"]) == ["/only"])
        #expect(ModuleManager.searchPath(option: nil, environment: [:]) == [])
    }
}
