import Foundation
import KurentoRuntime
import KurentoServer
import Testing

/// `manager_ServerManager`: info with the loaded modules, descriptors, pipelines and sessions.
@Suite struct ServerManagerTests {
    static let manager = "manager_ServerManager"

    @Test func infoListsTheLoadedModules() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let info = try await s.invoke(Self.manager, "getInfo")
        #expect(info["__type__"] == "ServerInfo" && info["__module__"] == "kurento")
        #expect(info["type"] == "KMS")
        #expect(info["capabilities"]?.arrayValue?.contains("transactions") == true)
        let modules = info["modules"]?.arrayValue ?? []
        #expect(modules.compactMap { $0["name"]?.stringValue } == ["core", "elements", "filters", "demo"])
        #expect(modules.allSatisfy { $0["__type__"] == "ModuleInfo" && $0["__module__"] == "kurento" })
        let demo = try #require(modules.last)
        #expect(demo["version"] == "1.0.0")
        #expect(demo["factories"] == ["CaptionFeed", "LogoOverlay", "StageFilter"])
        #expect(modules.first?["factories"] == ["HubPort", "MediaPipeline", "PassThrough"])
        #expect(server.loadReport.loadedModules == ["core", "elements", "filters", "demo"])
    }

    @Test func kmdOfALoadedModule() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        let kmd = try #require(try await s.invoke(Self.manager, "getKmd", ["moduleName": "demo"]).stringValue)
        let json = try JSONDecoder().decode(JSON.self, from: Data(kmd.utf8))
        #expect(json["name"] == "demo")
        #expect(json["remoteClasses"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.contains("StageFilter") == true)
        await expectKurentoError(40500, "UNDEFINED") {
            try await s.invoke(Self.manager, "getKmd", ["moduleName": "chroma"])
        }
    }

    @Test func pipelinesAndSessions() async throws {
        let server = makeDemoServer()
        let a = TestSession(server), b = TestSession(server)
        #expect(try await a.invoke(Self.manager, "getPipelines") == [])
        let p1 = try await a.pipeline()
        let p2 = try await b.pipeline()
        _ = try await a.element("demo.CaptionFeed", in: p1)
        let pipelines = try await a.invoke(Self.manager, "getPipelines").arrayValue ?? []
        #expect(Set(pipelines) == [.string(p1), .string(p2)] && pipelines.count == 2)
        let sessions = try await a.invoke(Self.manager, "getSessions").arrayValue ?? []
        #expect(Set(sessions).isSuperset(of: [.string(a.id), .string(b.id)]))
        await a.dispatcher.closeSession(b.id, release: true)
        #expect(try await a.invoke(Self.manager, "getPipelines") == [.string(p1)])
        #expect(try await a.invoke(Self.manager, "getSessions").arrayValue?.contains(.string(b.id)) == false)
    }

    @Test func processFigures() async throws {
        let server = makeDemoServer()
        let s = TestSession(server)
        guard case .int(let cpus) = try await s.invoke(Self.manager, "getCpuCount"), cpus > 0 else {
            Issue.record("getCpuCount")
            return
        }
        guard case .int(let memory) = try await s.invoke(Self.manager, "getUsedMemory"), memory > 0 else {
            Issue.record("getUsedMemory")
            return
        }
        guard case .double(let cpu) = try await s.invoke(Self.manager, "getUsedCpu", ["interval": 10]), cpu >= 0 else {
            Issue.record("getUsedCpu")
            return
        }
    }
}
