import Foundation
import KurentoRuntime
import KurentoServer
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A server (platform modules in Swift) whose module path holds libkmsdemo.so, the demo module implemented in
/// C; a session on it that records the events it receives.
struct CServer: Sendable {
    let core: KurentoServerCore
    let session: String
    let events = EventLog()

    var dispatcher: KurentoDispatcher { core.dispatcher }

    init() throws {
        let folder = try CModuleBuilds.demoLibraryFolder.get()
        core = KurentoServerCore(modulesPath: [folder.path])
        session = core.dispatcher.newSession()
        let log = events
        core.dispatcher.setEventListener(session: session) { log.append($0) }
    }

    func create(_ type: String, _ params: JSON = [:]) async throws -> String {
        try await dispatcher.create(type: type, constructorParams: params, session: session)
    }

    func invoke(_ object: String, _ operation: String, _ params: JSON = [:]) async throws -> JSON {
        try await dispatcher.invoke(object: object, operation: operation, params: params, session: session)
    }

    /// A pipeline and a StageFilter in it.
    func stageFilter(_ params: [String: JSON] = [:]) async throws -> (pipeline: String, filter: String) {
        let pipeline = try await create("MediaPipeline")
        var all: [String: JSON] = ["mediaPipeline": .string(pipeline), "stageName": "Main"]
        all.merge(params) { _, new in new }
        return (pipeline, try await create("StageFilter", .object(all)))
    }

    /// The number of C objects alive in the library (its test hook `demo_test_live_objects`).
    static func liveCObjects() throws -> Int {
        let path = try CModuleBuilds.demoLibraryFolder.get().appendingPathComponent("libkmsdemo.so").path
        guard let handle = dlopen(path, RTLD_NOW | RTLD_NOLOAD), let symbol = dlsym(handle, "demo_test_live_objects") else {
            throw CToolchain.Failure(description: "libkmsdemo.so is not loaded")
        }
        typealias Count = @convention(c) () -> Int32
        return Int(unsafeBitCast(symbol, to: Count.self)())
    }
}

/// The events a session received, in order.
final class EventLog: Sendable {
    private let events = Mutex<[EventNotification]>([])
    func append(_ event: EventNotification) { events.withLock { $0.append(event) } }
    var all: [EventNotification] { events.withLock { $0 } }
    func of(type: String) -> [EventNotification] { all.filter { $0.type == type } }
}

/// The Kurento error a call throws (or a failure naming what it did instead).
func kurentoError(_ body: () async throws -> Any) async -> KurentoError? {
    do {
        _ = try await body()
        return nil
    } catch let error as KurentoError {
        return error
    } catch {
        return nil
    }
}
