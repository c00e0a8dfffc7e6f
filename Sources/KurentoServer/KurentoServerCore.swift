internal import KurentoCBridge
import KurentoPlatform
import KurentoRuntime

/// A whole Kurento server without the network: the platform modules (core, elements, filters) served by this
/// package's implementations, plus any other modules linked in or loaded from shared libraries, a dispatcher,
/// and the server manager. The WebSocket transport serves one of these.
public final class KurentoServerCore: Sendable {
    public let dispatcher: KurentoDispatcher
    public let serverManager: ServerManagerImpl
    public var modules: ModuleManager { dispatcher.modules }
    public var loadReport: ModuleLoadReport { modules.report }

    /// The platform modules with this package's implementations.
    public static let platformModules: [any KurentoModule] = [
        CoreModule(mediaPipelineType: MediaPipelineImpl.self, hubPortType: HubPortImpl.self, passThroughType: PassThroughImpl.self),
        ElementsModule(compositeType: CompositeImpl.self, playerEndpointType: PlayerEndpointImpl.self,
                       recorderEndpointType: RecorderEndpointImpl.self),
        FiltersModule(gStreamerFilterType: GStreamerFilterImpl.self),
    ]

    /// - Parameters:
    ///   - modules: modules linked into the process, registered after the platform modules.
    ///   - modulesPath: folders searched for module shared libraries (`--modules-path`, `KURENTO_MODULES_PATH`):
    ///     Swift ones (`kidl_module_entry`) and C ones (`kidl_c_module_entry`).
    public init(modules: [any KurentoModule] = [], modulesPath: [String] = [], version: String = "7.3.1-kidl") {
        let manager = ModuleManager()
        manager.register(Self.platformModules + modules)
        // Modules implemented in C are found beside Swift ones; their objects inherit the platform's behaviour.
        manager.loadSharedLibraries(in: modulesPath, formats: [CModuleLibrary.format(manager: manager, objects: PlatformCObjectFactory())])
        let dispatcher = KurentoDispatcher(modules: manager)
        let context = dispatcher.makeContext(id: ServerManagerImpl.objectID)
        let serverManager = ServerManagerImpl(objectContext: context, dispatcher: dispatcher, serverVersion: version)
        dispatcher.adopt(serverManager, glue: CoreModule.ServerManagerGlue.self)
        dispatcher.setLifecycleObserver(.init(
            created: { [weak serverManager] id in serverManager?.objectCreated(id) },
            destroyed: { [weak serverManager] id in serverManager?.objectDestroyed(id) }))
        self.dispatcher = dispatcher
        self.serverManager = serverManager
    }
}
