import KurentoPlatform
import KurentoRuntime
import KurentoServer
#if !KIDL_DEMO_PLUGIN
import KurentoDemo
#endif

/// `demo.OverlayBase`: a switch, and the overlays drawn on the video. Subclasses add and remove overlays;
/// `clearOverlays` removes them all and tells the subclass through `overlaysRemoved`.
///
/// This target implements the demo module (`idl/demo`) for the tests and examples. The shared-library tests also
/// compile it, with the generated demo code, into a plugin (`-D KIDL_DEMO_PLUGIN`, where the generated code is in
/// the same module).
open class OverlayBaseImpl: FilterBase, OverlayBase, @unchecked Sendable {
    private struct State {
        var enabled = true
        var overlays: [String] = []
    }

    private let overlayState = Locked(State())

    open func clearOverlays() async throws {
        let removed = overlayState.withLock { s in
            defer { s.overlays.removeAll() }
            return s.overlays
        }
        overlaysRemoved(removed)
    }

    open func getOverlayEnabled() async throws -> Bool { overlayState.withLock { $0.enabled } }
    open func setOverlayEnabled(_ value: Bool) async throws { overlayState.withLock { $0.enabled = value } }

    /// Overlays drawn: none while overlays are switched off.
    open func getOverlayCount() async throws -> Int32 {
        overlayState.withLock { s in s.enabled ? Int32(s.overlays.count) : 0 }
    }

    /// Called after `clearOverlays` removed overlays.
    open func overlaysRemoved(_ ids: [String]) {}

    public func addOverlay(_ id: String) {
        overlayState.withLock { s in if !s.overlays.contains(id) { s.overlays.append(id) } }
    }

    @discardableResult
    public func removeOverlay(_ id: String) -> Bool {
        overlayState.withLock { s in
            guard let index = s.overlays.firstIndex(of: id) else { return false }
            s.overlays.remove(at: index)
            return true
        }
    }
}
