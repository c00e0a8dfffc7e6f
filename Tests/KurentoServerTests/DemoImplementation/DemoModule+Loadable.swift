#if !KIDL_DEMO_PLUGIN
import KurentoDemo
#endif

extension DemoModule {
    /// The demo module served by this folder's implementations: linked into the tests, and handed over by the
    /// generated `kidl_module_entry` when built as a plugin library.
    static let loadable = DemoModule(stageFilterType: StageFilterImpl.self, logoOverlayType: LogoOverlayImpl.self,
                                     captionFeedType: CaptionFeedImpl.self)
}
