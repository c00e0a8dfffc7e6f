import KurentoPlatform
import KurentoRuntime

/// Base of filters: a plugin filter class derives from it and implements only its own members.
open class FilterBase: MediaElementBase, Filter, @unchecked Sendable {}

/// Base of endpoints.
open class EndpointBase: MediaElementBase, Endpoint, @unchecked Sendable {}

/// Base of hubs: a hub's ports are its children.
open class HubBase: MediaObjectBase, Hub, @unchecked Sendable {
    open func getGstreamerDot(details: GstreamerDotDetails?) async throws -> String {
        GstreamerDot.graph(of: self, name: "Hub")
    }

    open func dumpGstreamerDot(details: GstreamerDotDetails?) async throws {}
}

/// Kurento's `UriEndpoint`: a URI given at creation and a STOP/START/PAUSE state whose changes are events.
open class UriEndpointBase: EndpointBase, UriEndpoint, @unchecked Sendable {
    public let uri: String
    private let state = Locked(UriEndpointState.stop)

    public init(objectContext: ObjectContext, uri: String) {
        self.uri = uri
        super.init(objectContext: objectContext)
    }

    open func getUri() async throws -> String { uri }
    open func getState() async throws -> UriEndpointState { state.withLock { $0 } }
    open func pause() async throws { change(to: .pause) }
    open func stop() async throws { change(to: .stop) }

    /// Moves to a state; emits `UriEndpointStateChanged` when it changes. Returns whether it changed.
    @discardableResult
    public func change(to new: UriEndpointState) -> Bool {
        let changed = state.withLock { s in
            defer { s = new }
            return s != new
        }
        if changed { emit(UriEndpointStateChangedEvent(source: self, state: new)) }
        return changed
    }
}
