import KurentoRuntime
#if !KIDL_DEMO_PLUGIN
import KurentoDemo
#endif

extension DemoModule {
    /// The demo module served by this target's implementations: linked into `KurentoServerCore(modules:)` by the
    /// tests and examples, and handed over by the generated `kidl_module_entry` when built as a plugin library.
    public static let loadable = DemoModule(stageFilterType: StageFilterImpl.self, logoOverlayType: LogoOverlayImpl.self,
                                            captionFeedType: CaptionFeedImpl.self)
}

/// The demo module for code that cannot import the generated server module by name, e.g. a test or an example
/// that also imports the generated demo *client* module (whose classes share the server protocols' names).
public enum DemoPlugin {
    public static var module: any KurentoModule { DemoModule.loadable }
}
