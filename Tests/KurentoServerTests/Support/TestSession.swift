import KurentoDemo
import KurentoDemoServer
import KurentoRuntime
import KurentoServer
import Testing

/// A server with the platform modules and the demo module (served by `KurentoDemoServer`), driven only
/// through its dispatcher, as a client would.
func makeDemoServer() -> KurentoServerCore {
    KurentoServerCore(modules: [DemoModule.loadable])
}

/// The events a session received, in order.
final class EventLog: Sendable {
    private let events = Locked<[EventNotification]>([])

    func append(_ event: EventNotification) { events.withLock { $0.append(event) } }
    var all: [EventNotification] { events.withLock { $0 } }
    func of(type: String) -> [EventNotification] { all.filter { $0.type == type } }
    func clear() { events.withLock { $0.removeAll() } }
}

/// A client session: its id, the events delivered to it, and the protocol's requests.
struct TestSession: Sendable {
    let dispatcher: KurentoDispatcher
    let id: String
    let events = EventLog()

    init(_ server: KurentoServerCore) {
        dispatcher = server.dispatcher
        id = dispatcher.newSession()
        dispatcher.setEventListener(session: id) { [events] in events.append($0) }
    }

    func create(_ type: String, _ params: JSON? = nil) async throws -> String {
        try await dispatcher.create(type: type, constructorParams: params, session: id)
    }

    func pipeline() async throws -> String { try await create("MediaPipeline") }

    /// An element of a pipeline; `params` are added to `mediaPipeline`.
    func element(_ type: String, in pipeline: String, _ params: [String: JSON] = [:]) async throws -> String {
        try await create(type, .object(params.merging(["mediaPipeline": .string(pipeline)]) { a, _ in a }))
    }

    @discardableResult
    func invoke(_ object: String, _ operation: String, _ params: JSON? = nil) async throws -> JSON {
        try await dispatcher.invoke(object: object, operation: operation, params: params, session: id)
    }

    @discardableResult
    func subscribe(_ object: String, _ type: String) throws -> String {
        try dispatcher.subscribe(object: object, type: type, session: id)
    }

    func describe(_ object: String) throws -> KurentoDispatcher.Description {
        try dispatcher.describe(object: object, session: id)
    }

    func release(_ object: String) async { await dispatcher.release(object) }
}

/// Expects `body` to fail with a Kurento error of that code, type and (when given) message.
func expectKurentoError(_ code: Int, _ type: String, _ message: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation,
                        _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected error \(code) \(type), but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as KurentoError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.type == type, "\(error)", sourceLocation: sourceLocation)
        if let message { #expect(error.message == message, sourceLocation: sourceLocation) }
    } catch {
        Issue.record("expected a KurentoError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// The id pattern of reference §6.3: `<uuid>_<module>.<Type>`, lowercase UUID.
func isLocalID(_ component: Substring, qualifiedType: String) -> Bool {
    let parts = component.split(separator: "_", maxSplits: 1)
    guard parts.count == 2, parts[1] == qualifiedType else { return false }
    let uuid = parts[0]
    let groups = uuid.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
    return groups == [8, 4, 4, 4, 12] && uuid.allSatisfy { $0 == "-" || $0.isHexDigit && !$0.isUppercase }
}

/// The Kurento record JSON for the tests: `key: value` fields plus nothing else.
func fields(_ json: JSON?) -> [String: JSON] { json?.objectValue ?? [:] }
