import ArgumentParser
@main struct Batchtop: ParsableCommand { func run() {} }
