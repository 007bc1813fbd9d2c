// Starts Yoga's GraphiQL (loaded just before, from this server) with the settings the server put
// in the page: GraphiQL's options and the URLs of Monaco's editor workers.
const settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => settings.workers[label],
};
YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), settings.options);
