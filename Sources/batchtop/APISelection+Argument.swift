import ArgumentParser
import JobMonitor

/// `--api auto|v1|v2`.
extension APISelection: ExpressibleByArgument {}
