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

  // Who a token speaks for, read from its payload (for display only; the gateway verifies it).
  function callerOf(token) {
    try {
      var payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      var roles = Array.isArray(payload.roles) ? payload.roles : [payload.roles];
      return { rol: roles.join(', '), organisatie: String(payload.org) };
    } catch (error) {
      return null;
    }
  }
  function describeCaller(token) {
    if (!token) return 'anoniem (alleen openbare gegevens)';
    var caller = callerOf(token);
    return caller ? caller.rol + ' bij ' + caller.organisatie : 'een token dat de pagina niet kan lezen';
  }
  function currentToken() {
    return tokenInput.value.trim().replace(/^Bearer\s+/i, '');
  }

  function obtainToken(rol, organisatie, reason) {
    status.textContent = 'token wordt opgehaald…';
    return fetch(prefix + 'dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rol: rol, organisatie: organisatie }),
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.fout || 'HTTP ' + response.status);
        setToken(body.token);
        status.textContent = (reason || 'ontwikkeltoken: ') + body.rol + ' bij ' + body.organisatie +
          ', geldig tot ' + new Date(body.verlooptOp).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
      });
    }).catch(function (error) { status.textContent = 'geen token: ' + error.message; });
  }

  document.getElementById('dev-token-button').addEventListener('click', function () {
    obtainToken(roleSelect.value, orgInput.value);
  });

  // Saved operations per user group. Each was made for its group's role and organisation: opening one
  // switches to a token of that caller (fetched when the gateway offers development tokens), or says which
  // token it needs, so that an answer is never quietly another caller's (issue 12).
  function useGroupToken(groep) {
    if (!groep) return;
    var caller = callerOf(currentToken());
    if (caller && caller.rol === groep.rol && caller.organisatie === groep.organisatie) return;
    if (devBar.hidden) {
      status.textContent = 'Dit voorbeeld is gemaakt voor ' + groep.rol + ' bij ' + groep.organisatie +
        '; het huidige token is van ' + describeCaller(currentToken()) + '. Plak een token van die rol en organisatie.';
      return;
    }
    roleSelect.value = groep.rol;
    orgInput.value = groep.organisatie;
    obtainToken(groep.rol, groep.organisatie, 'token voor dit voorbeeld: ');
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
        useGroupToken(catalogue.groepen[operation.groep]);
      }
      return h('div', { className: 'sg-voorbeelden' },
        h('div', { className: 'graphiql-doc-explorer-title' }, 'Voorbeelden'),
        h('p', null, 'Voorbeeldoperaties per gebruikersgroep. Ze draaien zoals ze zijn op de demowereld, met een token van de rol en organisatie die erbij staan; een voorbeeld openen haalt dat token op.'),
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

  // Every answer says for whom it was made: the caller of the token it was sent with.
  var answerCaller = document.getElementById('answer-caller');
  var fetcher = GraphiQL.createFetcher({
    url: new URL(config.graphqlPath, location.href).href,
    fetch: function (input, init) {
      var token = currentToken();
      var headers = new Headers(init && init.headers);
      if (token && !headers.has('authorization')) headers.set('authorization', 'Bearer ' + token);
      var isOperation = init && typeof init.body === 'string' && init.body.indexOf('IntrospectionQuery') < 0;
      var body = isOperation ? withoutStaleOperationName(init.body) : init && init.body;
      return fetch(input, Object.assign({}, init, { headers: headers, body: body })).then(function (response) {
        if (isOperation) answerCaller.textContent = 'antwoord voor: ' + describeCaller(token);
        return response;
      });
    },
  });

  // GraphiQL updates a tab's operationName a moment after its text changes: an example opened and run at once
  // was sent with the previous example's name, which the gateway refuses (OPERATION_RESOLUTION_FAILURE). A name
  // that no operation in the text carries is dropped, so a document with one operation runs that one.
  function withoutStaleOperationName(text) {
    try {
      var request = JSON.parse(text);
      var name = request.operationName;
      if (!name || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return text;
      if (new RegExp('\\b(query|mutation|subscription)\\s+' + name + '\\b').test(request.query || '')) return text;
      delete request.operationName;
      return JSON.stringify(request);
    } catch (error) {
      return text;
    }
  }

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
