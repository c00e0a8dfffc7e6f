import KurentoPlatform
import KurentoRuntime
import KurentoServer

/// `chromakey.ChromaKeyFilter`: keeps the key colour, tolerance, edge mode and background image, and raises
/// the module's events. kidl serves the control plane of Kurento's media objects, so no pixel is touched here.
public final class ChromaKeyFilterImpl: FilterBase, ChromaKeyFilter, @unchecked Sendable {
    private struct State {
        var keyColor: KeyColor
        var tolerance: Float
        var edgeMode = EdgeMode.hard
        var backgroundUri = ""
    }

    private let state: Locked<State>

    public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, keyColor: KeyColor,
                tolerance: Float) async throws {
        try Self.check(keyColor, "keyColor")
        try Self.check(tolerance: tolerance)
        state = Locked(State(keyColor: keyColor, tolerance: tolerance))
        super.init(objectContext: objectContext)
    }

    public func changeKeyColor(keyColor: KeyColor) async throws -> KeyColor {
        try Self.check(keyColor, "keyColor")
        let previous = state.withLock { s in
            defer { s.keyColor = keyColor }
            return s.keyColor
        }
        emit(KeyColorChangedEvent(source: self, previous: previous, current: keyColor))
        return previous
    }

    public func setBackground(uri: String) async throws {
        guard let scheme = uri.split(separator: ":", maxSplits: 1).first, uri.contains(":"),
              ["http", "https", "file"].contains(scheme.lowercased()) else {
            throw KurentoError.illegalParam("'uri' must be an http, https or file URI, not '\(uri)'")
        }
        state.withLock { $0.backgroundUri = uri }
        emit(BackgroundChangedEvent(source: self, uri: uri))
    }

    public func clearBackground() async throws {
        state.withLock { $0.backgroundUri = "" }
        emit(BackgroundChangedEvent(source: self, uri: ""))
    }

    public func getKeyColor() async throws -> KeyColor { state.withLock { $0.keyColor } }
    public func getTolerance() async throws -> Float { state.withLock { $0.tolerance } }

    public func setTolerance(_ value: Float) async throws {
        try Self.check(tolerance: value)
        state.withLock { $0.tolerance = value }
    }

    public func getEdgeMode() async throws -> EdgeMode { state.withLock { $0.edgeMode } }
    public func setEdgeMode(_ value: EdgeMode) async throws { state.withLock { $0.edgeMode = value } }
    public func getBackgroundUri() async throws -> String { state.withLock { $0.backgroundUri } }

    /// Each channel is a byte.
    private static func check(_ color: KeyColor, _ name: String) throws {
        for (channel, value) in [("red", color.red), ("green", color.green), ("blue", color.blue)] where !(0...255).contains(value) {
            throw KurentoError.illegalParam("'\(name).\(channel)' must be between 0 and 255, not \(value)")
        }
    }

    private static func check(tolerance: Float) throws {
        guard (0...1).contains(tolerance) else {
            throw KurentoError.illegalParam("'tolerance' must be between 0 and 1, not \(tolerance)")
        }
    }
}

extension ChromakeyModule {
    /// The module with this target's implementation, ready to serve (`KurentoServerCore(modules: [.implemented])`).
    public static var implemented: ChromakeyModule { ChromakeyModule(chromaKeyFilterType: ChromaKeyFilterImpl.self) }
}
