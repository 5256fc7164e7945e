// Starts opening the app's IndexedDB database the moment the page starts, while the app's code is
// still downloading and compiling: the browser takes a while to open a large database, and the
// app's own connection a moment later then finds it ready. It never creates the database (a first
// start leaves that to the app) and steps aside when the app upgrades the schema.
/* global indexedDB, window */
(function () {
  try {
    var request = indexedDB.open('pursuit');
    request.onupgradeneeded = function () {
      // No database yet: abort, so nothing is created here.
      request.transaction.abort();
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
    request.onsuccess = function () {
      var db = request.result;
      db.onversionchange = function () {
        db.close();
      };
      window.__pursuitEarlyDb = db;
    };
  } catch {
    // No IndexedDB here: the app reports that itself when it opens the database.
  }
})();
