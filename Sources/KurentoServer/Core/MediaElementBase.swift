import KurentoPlatform
import KurentoRuntime

/// One direction of a connection between two elements, for one media type.
struct Connection: Hashable, Sendable {
    /// The other element's id.
    var peer: String
    var type: MediaType
    var sourceDescription: String
    var sinkDescription: String
}

/// Kurento's `MediaElement` behaviour: connections per media type and description, with
/// `ElementConnected`/`ElementDisconnected` events. A sink takes one source per media type and description:
/// connecting another source replaces the old one, as in Kurento.
open class MediaElementBase: MediaObjectBase, MediaElement, @unchecked Sendable {
    private struct State {
        var sinks: [Connection] = []
        var sources: [Connection] = []
        var encoderBitrate: Int32 = 0
        var minEncoderBitrate: Int32 = 0
        var maxEncoderBitrate: Int32 = 0
        /// Set when the element is released: it takes no new connections.
        var released = false
    }

    private let state = Locked(State())

    override public init(objectContext: ObjectContext) {
        super.init(objectContext: objectContext)
    }

    var sinkConnections: [Connection] { state.withLock { $0.sinks } }
    var sourceConnections: [Connection] { state.withLock { $0.sources } }

    private static let allTypes: [MediaType] = [.audio, .video, .data]
    /// The media description Kurento uses when a connect names none.
    public static let defaultDescription = "default"

    open func connect(sink: any MediaElement, mediaType: MediaType?, sourceMediaDescription: String?,
                      sinkMediaDescription: String?) async throws {
        guard let sinkBase = sink as? MediaElementBase else {
            throw KurentoError.connect("\(sink.objectContext.id) cannot be connected: it is not a MediaElementBase")
        }
        guard Self.pipelineID(of: sinkBase.id) == Self.pipelineID(of: id) else {
            throw KurentoError.connect("Media elements do not share pipeline")
        }
        for type in mediaType.map({ [$0] }) ?? Self.allTypes {
            let connection = Connection(peer: sinkBase.id, type: type, sourceDescription: sourceMediaDescription ?? Self.defaultDescription,
                                        sinkDescription: sinkMediaDescription ?? Self.defaultDescription)
            // The sink's previous source for this type and description is disconnected first.
            if let previous = sinkBase.source(for: type, description: connection.sinkDescription), previous.peer != id,
               let oldSource = objectContext.directory?.object(withID: previous.peer) as? MediaElementBase {
                oldSource.removeConnection(to: sinkBase, type: type, sourceDescription: previous.sourceDescription,
                                           sinkDescription: previous.sinkDescription, emit: true)
            }
            let added = try state.withLock { s in
                guard !s.released else { throw KurentoError.objectNotFound("Object '\(id)' not found") }
                guard !s.sinks.contains(connection) else { return false }
                s.sinks.append(connection)
                return true
            }
            guard added else { continue }
            // A sink released meanwhile takes no source: undo (its release may not have seen this connection).
            let source = Connection(peer: id, type: type, sourceDescription: connection.sourceDescription,
                                    sinkDescription: connection.sinkDescription)
            guard sinkBase.addSource(source) else {
                state.withLock { s in s.sinks.removeAll { $0 == connection } }
                throw KurentoError.objectNotFound("Object '\(sinkBase.id)' not found")
            }
            // This element released meanwhile: its release may have cleaned the sink before the source got in.
            guard !state.withLock({ $0.released }) else {
                sinkBase.removeSource(source)
                throw KurentoError.objectNotFound("Object '\(id)' not found")
            }
            emit(ElementConnectedEvent(source: self, sink: ObjectReference(sinkBase), mediaType: type,
                                       sourceMediaDescription: connection.sourceDescription,
                                       sinkMediaDescription: connection.sinkDescription))
        }
    }

    open func disconnect(sink: any MediaElement, mediaType: MediaType?, sourceMediaDescription: String?,
                         sinkMediaDescription: String?) async throws {
        guard let sinkBase = sink as? MediaElementBase else { return }
        for type in mediaType.map({ [$0] }) ?? Self.allTypes {
            removeConnection(to: sinkBase, type: type, sourceDescription: sourceMediaDescription,
                             sinkDescription: sinkMediaDescription, emit: true)
        }
    }

    /// Removes matching connections to `sink` (nil descriptions match any) and tells the sink.
    func removeConnection(to sink: MediaElementBase, type: MediaType, sourceDescription: String?,
                          sinkDescription: String?, emit: Bool) {
        let removed = state.withLock { s in
            let matching = s.sinks.filter {
                $0.peer == sink.id && $0.type == type && (sourceDescription == nil || $0.sourceDescription == sourceDescription)
                    && (sinkDescription == nil || $0.sinkDescription == sinkDescription)
            }
            s.sinks.removeAll { matching.contains($0) }
            return matching
        }
        for c in removed {
            sink.removeSource(Connection(peer: id, type: c.type, sourceDescription: c.sourceDescription, sinkDescription: c.sinkDescription))
            if emit {
                self.emit(ElementDisconnectedEvent(source: self, sink: ObjectReference(sink), mediaType: c.type,
                                                   sourceMediaDescription: c.sourceDescription,
                                                   sinkMediaDescription: c.sinkDescription))
            }
        }
    }

    /// The id of the pipeline an element id lives in: its first component.
    private static func pipelineID(of id: String) -> Substring { id.prefix { $0 != "/" } }

    private func source(for type: MediaType, description: String) -> Connection? {
        state.withLock { s in s.sources.first { $0.type == type && $0.sinkDescription == description } }
    }

    /// False when this element was released.
    private func addSource(_ c: Connection) -> Bool {
        state.withLock { s in
            guard !s.released else { return false }
            s.sources.append(c)
            return true
        }
    }
    private func removeSource(_ c: Connection) { state.withLock { s in s.sources.removeAll { $0 == c } } }

    open func getSourceConnections(mediaType: MediaType?, description: String?) async throws -> [ElementConnectionData] {
        sourceConnections.filter { matches($0, mediaType, description) }.map {
            ElementConnectionData(source: ObjectReference(id: $0.peer), sink: ObjectReference(id: id), type: $0.type,
                                  sourceDescription: $0.sourceDescription, sinkDescription: $0.sinkDescription)
        }
    }

    open func getSinkConnections(mediaType: MediaType?, description: String?) async throws -> [ElementConnectionData] {
        sinkConnections.filter { matches($0, mediaType, description) }.map {
            ElementConnectionData(source: ObjectReference(id: id), sink: ObjectReference(id: $0.peer), type: $0.type,
                                  sourceDescription: $0.sourceDescription, sinkDescription: $0.sinkDescription)
        }
    }

    private func matches(_ c: Connection, _ type: MediaType?, _ description: String?) -> Bool {
        (type == nil || c.type == type) && (description == nil || c.sourceDescription == description || c.sinkDescription == description)
    }

    open func getGstreamerDot(details: GstreamerDotDetails?) async throws -> String {
        GstreamerDot.graph(of: self, name: "MediaElement")
    }

    open func dumpGstreamerDot(details: GstreamerDotDetails?) async throws {}

    /// No media runs in this server: media "flows" wherever a connection of that type exists.
    open func isMediaFlowingIn(mediaType: MediaType, sinkMediaDescription: String) async throws -> Bool {
        sourceConnections.contains { $0.type == mediaType }
    }

    open func isMediaFlowingOut(mediaType: MediaType, sourceMediaDescription: String) async throws -> Bool {
        sinkConnections.contains { $0.type == mediaType }
    }

    open func isMediaTranscoding(mediaType: MediaType, binName: String) async throws -> Bool { false }

    open func getEncoderBitrate() async throws -> Int32 { state.withLock { $0.encoderBitrate } }
    open func setEncoderBitrate(_ value: Int32) async throws { state.withLock { $0.encoderBitrate = value } }
    open func getMinEncoderBitrate() async throws -> Int32 { state.withLock { $0.minEncoderBitrate } }
    open func setMinEncoderBitrate(_ value: Int32) async throws { state.withLock { $0.minEncoderBitrate = value } }
    open func getMaxEncoderBitrate() async throws -> Int32 { state.withLock { $0.maxEncoderBitrate } }
    open func setMaxEncoderBitrate(_ value: Int32) async throws { state.withLock { $0.maxEncoderBitrate = value } }

    /// A released element leaves its peers' connection lists. As Kurento's `disconnectAll`, each source that
    /// stays raises `ElementDisconnected` for it (the element's own events have no subscribers left).
    override open func released() async {
        let directory = objectContext.directory
        // From here on, connects to or from this element fail; those that got in before are in these lists.
        let (sinks, sources) = state.withLock { s in
            s.released = true
            return (s.sinks, s.sources)
        }
        for c in sinks {
            if let sink = directory?.object(withID: c.peer) as? MediaElementBase { sink.removeSource(Connection(peer: id, type: c.type, sourceDescription: c.sourceDescription, sinkDescription: c.sinkDescription)) }
        }
        for c in sources {
            if let source = directory?.object(withID: c.peer) as? MediaElementBase {
                source.removeConnection(to: self, type: c.type, sourceDescription: c.sourceDescription,
                                        sinkDescription: c.sinkDescription, emit: true)
            }
        }
        state.withLock { s in
            s.sinks.removeAll()
            s.sources.removeAll()
        }
        await super.released()
    }
}
