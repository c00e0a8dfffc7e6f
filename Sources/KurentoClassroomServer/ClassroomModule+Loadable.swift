import KurentoClassroom
import KurentoRuntime

extension ClassroomModule {
    /// The classroom module served by this target's implementation.
    public static let loadable = ClassroomModule(liveEndpointType: LiveEndpointImpl.self)
}

/// The classroom module for code that also imports the generated classroom *client* module (whose classes share
/// the server protocols' names) and so cannot import `KurentoClassroom`.
public enum ClassroomPlugin {
    public static var module: any KurentoModule { ClassroomModule.loadable }
}
