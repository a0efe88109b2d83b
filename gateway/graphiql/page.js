// The GraphiQL page of sociaal-graph (served by gateway/src/plugins/graphiql.ts as
// /graphiql/sociaal-graph.js). Plain browser JavaScript on the UMD globals React, ReactDOM and
// GraphiQL; every request goes to the gateway that served the page.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var prefix = config.assetPrefix;
  var h = React.createElement;

  // Bearer token: pasted or obtained below, kept for this browser tab only.
  var tokenInput = document.getElementById('token');
  var status = document.getElementById('token-status');
  var storageKey = 'sociaal-graph:bearer-token';
  tokenInput.value = sessionStorage.getItem(storageKey) || '';
  function setToken(token) {
    tokenInput.value = token;
    sessionStorage.setItem(storageKey, token);
  }
  tokenInput.addEventListener('input', function () {
    sessionStorage.setItem(storageKey, tokenInput.value.trim());
    status.textContent = '';
  });

  // Development tokens: the bar appears only when the gateway answers (it trusts the development issuer).
  var devBar = document.getElementById('dev-token');
  var roleSelect = document.getElementById('dev-role');
  var orgInput = document.getElementById('dev-org');
  fetch(prefix + 'dev-token').then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (info) {
    if (!info) return;
    info.rollen.forEach(function (rol) { roleSelect.add(new Option(rol, rol)); });
    var list = document.getElementById('dev-orgs');
    info.organisaties.forEach(function (id) { list.appendChild(new Option(id)); });
    devBar.hidden = false;
  }).catch(function () { /* no development issuer: paste a token */ });

  document.getElementById('dev-token-button').addEventListener('click', function () {
    status.textContent = 'token wordt opgehaald…';
    fetch(prefix + 'dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rol: roleSelect.value, organisatie: orgInput.value }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.fout || 'HTTP ' + response.status);
        setToken(body.token);
        status.textContent = 'ontwikkeltoken: ' + body.rol + ' bij ' + body.organisatie +
          ', geldig tot ' + new Date(body.verlooptOp).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
      });
    }).catch(function (error) { status.textContent = 'geen token: ' + error.message; });
  });

  // Saved operations per user group; opening one also proposes its group's role and organisation.
  function suggestToken(groep) {
    if (devBar.hidden || !groep) return;
    roleSelect.value = groep.rol;
    orgInput.value = groep.organisatie;
  }

  function voorbeeldenPlugin(catalogue) {
    function Content() {
      var editor = GraphiQL.React.useEditorContext({ nonNull: true });
      var pending = React.useRef(null);
      // addTab() fills the new tab with the default text; put the operation in once it is there.
      React.useEffect(function () {
        var operation = pending.current;
        if (!operation || !editor.queryEditor) return;
        pending.current = null;
        editor.queryEditor.setValue(operation.query);
        if (editor.variableEditor) editor.variableEditor.setValue('');
      }, [editor.tabs.length, editor.activeTabIndex, editor.queryEditor]);
      function open(operation) {
        pending.current = operation;
        editor.addTab();
        suggestToken(catalogue.groepen[operation.groep]);
      }
      return h('div', { className: 'sg-voorbeelden' },
        h('div', { className: 'graphiql-doc-explorer-title' }, 'Voorbeelden'),
        h('p', null, 'Voorbeeldoperaties per gebruikersgroep. Ze draaien zoals ze zijn op de demowereld, met een token van de rol en organisatie die erbij staan.'),
        Object.keys(catalogue.groepen).map(function (key) {
          var groep = catalogue.groepen[key];
          var operations = catalogue.operaties.filter(function (operation) { return operation.groep === key; });
          return h('section', { key: key, 'data-groep': key },
            h('h3', null, groep.titel),
            h('p', { className: 'sg-groep-token' }, 'token: ' + groep.rol + ' bij ' + groep.organisatie),
            operations.map(function (operation) {
              return h('button', {
                key: operation.naam,
                type: 'button',
                className: 'sg-voorbeeld',
                'data-operatie': key + '/' + operation.naam,
                onClick: function () { open(operation); },
              }, h('strong', null, operation.titel), h('span', null, operation.beschrijving));
            }));
        }));
    }
    return {
      title: 'Voorbeelden',
      icon: function () {
        return h('svg', { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true },
          h('path', { d: 'M5 4h11l3 3v13H5z M8 9h8 M8 13h8 M8 17h5' }));
      },
      content: Content,
    };
  }

  var fetcher = GraphiQL.createFetcher({
    url: new URL(config.graphqlPath, location.href).href,
    fetch: function (input, init) {
      var token = tokenInput.value.trim().replace(/^Bearer\s+/i, '');
      var headers = new Headers(init && init.headers);
      if (token && !headers.has('authorization')) headers.set('authorization', 'Bearer ' + token);
      return fetch(input, Object.assign({}, init, { headers: headers }));
    },
  });

  fetch(prefix + 'operations.json').then(function (response) {
    if (!response.ok) throw new Error('HTTP ' + response.status);
    return response.json();
  }).catch(function () {
    return { groepen: {}, operaties: [] };
  }).then(function (catalogue) {
    var voorbeelden = voorbeeldenPlugin(catalogue);
    // First visit: open the examples. GraphiQL remembers the panel under this key afterwards
    // (its visiblePlugin prop would force the panel on every render).
    if (localStorage.getItem('graphiql:visiblePlugin') === null) localStorage.setItem('graphiql:visiblePlugin', voorbeelden.title);
    ReactDOM.createRoot(document.getElementById('graphiql')).render(h(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.defaultQuery,
      defaultEditorToolsVisibility: true,
      plugins: [voorbeelden],
    }));
  });
})();
