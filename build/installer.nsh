; Rolodesk's additions to electron-builder's NSIS installer (nsis.include in
; electron-builder.yml). The uninstaller removes the program only: the data
; folder (contacts, attachments, backups) is never deleted, and it says so.

; electron-builder's uninstaller deletes %APPDATA%\Rolodesk when started with
; --delete-app-data; Rolodesk's uninstaller refuses that instead.
!macro customUnInit
  ClearErrors
  ${GetParameters} $R0
  ${GetOptions} $R0 "--delete-app-data" $R1
  ${IfNot} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "Rolodesk's uninstaller never deletes your contacts, attachments or backups.$\r$\n$\r$\nTo delete them, uninstall Rolodesk without --delete-app-data, then delete this folder by hand:$\r$\n$APPDATA\${PRODUCT_FILENAME}" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
!macroend

; The first page of the uninstaller: what goes, what stays, and where it stays.
!macro customUnWelcomePage
  !define MUI_WELCOMEPAGE_TITLE "Uninstall ${PRODUCT_NAME}"
  !define MUI_WELCOMEPAGE_TEXT "This removes the ${PRODUCT_NAME} program from this computer.$\r$\n$\r$\nYour data is kept: your contacts, attachments and backups stay in$\r$\n$APPDATA\${PRODUCT_FILENAME}$\r$\n(or in the folder you chose for them), ready for when you install ${PRODUCT_NAME} again.$\r$\n$\r$\nTo delete your data too, delete that folder by hand after uninstalling. Keep a backup first: deleted data cannot be brought back.$\r$\n$\r$\nClick Next to continue."
  !insertmacro MUI_UNPAGE_WELCOME
!macroend

; The same words in the uninstall log, which also shows in silent and update runs.
!macro customUnInstall
  DetailPrint "Your Rolodesk data was kept in $APPDATA\${PRODUCT_FILENAME}. Delete that folder by hand to remove it."
!macroend
