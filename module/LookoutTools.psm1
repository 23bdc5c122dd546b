# The module's root script. The cmdlets come from bin/LookoutTools.dll, which the manifest
# loads as a nested module; this script is here for what a binary module cannot do on its own
# in Windows PowerShell 5.1 and PowerShell 7 alike: dispose the service clients the cmdlets
# keep for the session when the module is removed.

$ExecutionContext.SessionState.Module.OnRemove = {
    [LookoutTools.Connection.ConnectionResolver]::DisposeAll()
}
