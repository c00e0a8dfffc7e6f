import Foundation
import KurentoPlatform
import KurentoRuntime

/// Kurento's `ServerManager` (id `manager_ServerManager`): what the server runs — loaded modules, pipelines,
/// sessions, descriptors — and the `ObjectCreated`/`ObjectDestroyed` events of every object.
public final class ServerManagerImpl: MediaObjectBase, ServerManager, @unchecked Sendable {
    public static let objectID = "manager_ServerManager"
    private weak var dispatcher: KurentoDispatcher?
    private let serverVersion: String

    public init(objectContext: ObjectContext, dispatcher: KurentoDispatcher, serverVersion: String) {
        self.dispatcher = dispatcher
        self.serverVersion = serverVersion
        super.init(objectContext: objectContext)
    }

    private var server: KurentoDispatcher {
        get throws { guard let dispatcher else { throw KurentoError.unexpected("the server is shutting down") }; return dispatcher }
    }

    public func getInfo() async throws -> ServerInfo {
        let modules = try server.modules.modules.map { module in
            ModuleInfo(version: module.version, name: module.name, generationTime: "",
                       factories: module.factories.map(\.typeName).sorted())
        }
        return ServerInfo(version: serverVersion, modules: modules, type: .kms, capabilities: ["transactions"])
    }

    public func getPipelines() async throws -> [any MediaPipeline] {
        try server.registry.ids.filter { !$0.contains("/") }.compactMap { try server.registry.object(withID: $0) as? any MediaPipeline }
    }

    public func getSessions() async throws -> [String] { try server.sessionIDs }
    public func getMetadata() async throws -> String { "" }

    public func getKmd(moduleName: String) async throws -> String {
        guard let module = try server.modules.module(named: moduleName) else {
            throw KurentoError.kmdNotFound("Module '\(moduleName)' not found")
        }
        return module.kmd
    }

    public func getCpuCount() async throws -> Int32 { Int32(ProcessInfo.processInfo.activeProcessorCount) }

    /// The process's CPU use over `interval` milliseconds, in percent of one core.
    public func getUsedCpu(interval: Int32) async throws -> Float {
        let start = ProcessUsage.cpuSeconds(), startTime = ContinuousClock.now
        try await Task.sleep(for: .milliseconds(max(1, min(Int(interval), 10_000))))
        let elapsed = ContinuousClock.now - startTime
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Float((ProcessUsage.cpuSeconds() - start) / max(seconds, 1e-6) * 100)
    }

    /// Resident memory of the server process, in KiB.
    public func getUsedMemory() async throws -> Int64 { ProcessUsage.residentKiB() }

    /// Emits `ObjectCreated` for a new object.
    func objectCreated(_ id: String) {
        emit(ObjectCreatedEvent(source: self, object: ObjectReference(id: id)))
    }

    func objectDestroyed(_ id: String) {
        emit(ObjectDestroyedEvent(source: self, objectId: id))
    }
}

/// CPU time and memory of this process.
enum ProcessUsage {
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func residentKiB() -> Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
