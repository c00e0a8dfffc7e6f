import KurentoPlatform
import KurentoRuntime

/// `Composite`: a hub mixing its ports.
public final class CompositeImpl: HubBase, Composite, @unchecked Sendable {
    public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline) async throws {
        super.init(objectContext: objectContext)
    }
}

/// `PlayerEndpoint` without media: `play` starts it, position and video info are bookkept.
public final class PlayerEndpointImpl: UriEndpointBase, PlayerEndpoint, @unchecked Sendable {
    private let position = Locked<Int64>(0)
    public let networkCache: Int32
    public let useEncodedMedia: Bool

    public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, uri: String, useEncodedMedia: Bool,
                networkCache: Int32) async throws {
        self.networkCache = networkCache
        self.useEncodedMedia = useEncodedMedia
        super.init(objectContext: objectContext, uri: uri)
    }

    public func play() async throws { change(to: .start) }
    public func getVideoInfo() async throws -> VideoInfo { VideoInfo(isSeekable: true, seekableInit: 0, seekableEnd: 0, duration: 0) }
    public func getPosition() async throws -> Int64 { position.withLock { $0 } }
    public func setPosition(_ value: Int64) async throws {
        guard value >= 0 else { throw KurentoError.illegalParam("position must not be negative") }
        position.withLock { $0 = value }
    }
}

/// `RecorderEndpoint` without media: `record`, `pause`, `stop` move its state and raise its events.
public final class RecorderEndpointImpl: UriEndpointBase, RecorderEndpoint, @unchecked Sendable {
    public let mediaProfile: MediaProfileSpecType
    public let stopOnEndOfStream: Bool

    public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, uri: String,
                mediaProfile: MediaProfileSpecType, stopOnEndOfStream: Bool) async throws {
        self.mediaProfile = mediaProfile
        self.stopOnEndOfStream = stopOnEndOfStream
        super.init(objectContext: objectContext, uri: uri)
    }

    public func record() async throws {
        if change(to: .start) { emit(RecordingEvent(source: self)) }
    }

    override public func pause() async throws {
        if change(to: .pause) { emit(PausedEvent(source: self)) }
    }

    override public func stop() async throws {
        if change(to: .stop) { emit(StoppedEvent(source: self)) }
    }

    public func stopAndWait() async throws { try await stop() }
}
