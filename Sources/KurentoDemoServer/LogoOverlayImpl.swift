import KurentoPlatform
import KurentoRuntime
import KurentoServer
#if !KIDL_DEMO_PLUGIN
import KurentoDemo
#endif

/// `demo.LogoOverlay`: one overlay, the logo, whose image and position can change.
final class LogoOverlayImpl: OverlayBaseImpl, LogoOverlay, @unchecked Sendable {
    static let overlayID = "logo"
    let scale: Double

    private struct State {
        var imageUri: String
        var position: Point
    }

    private let state: Locked<State>

    init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, imageUri: String, position: Point,
         scale: Double) async throws {
        guard scale > 0 else { throw KurentoError.illegalParam("'scale' must be positive") }
        self.scale = scale
        state = Locked(State(imageUri: imageUri, position: position))
        super.init(objectContext: objectContext)
        addOverlay(Self.overlayID)
    }

    /// Draws the new image (again, after `clearOverlays`).
    func replaceImage(imageUri: String, fadeMillis: Int32) async throws {
        guard fadeMillis >= 0 else { throw KurentoError.illegalParam("'fadeMillis' must not be negative") }
        state.withLock { $0.imageUri = imageUri }
        addOverlay(Self.overlayID)
    }

    func getImageUri() async throws -> String { state.withLock { $0.imageUri } }
    func getPosition() async throws -> Point { state.withLock { $0.position } }
    func setPosition(_ value: Point) async throws { state.withLock { $0.position = value } }
}
