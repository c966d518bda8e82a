// WPFoods WhatsApp simulator chat page: several phones side by side, polling /sim/api/snapshot.
(function () {
  'use strict';

  const API = '/sim/api';
  const CATALOG = [
    { id: 'pz-margarita-l', name: 'Pizza Margarita L', price: 42000 },
    { id: 'hb-clasica', name: 'Hamburguesa clásica', price: 28000 },
    { id: 'empanadas-x3', name: 'Empanadas x3', price: 9000 },
    { id: 'ajiaco', name: 'Ajiaco santafereño', price: 32000 },
    { id: 'gaseosa-400', name: 'Gaseosa 400 ml', price: 4500 },
    { id: 'jugo-mora', name: 'Jugo de mora', price: 7000 }
  ];
  const PLACES = [
    { name: 'Parque de la 93', address: 'Cl. 93A #11A-28, Bogotá', lat: 4.6766, lng: -74.0483 },
    { name: 'Usaquén', address: 'Cra. 6 #119-24, Bogotá', lat: 4.6951, lng: -74.0307 },
    { name: 'Chapinero', address: 'Cl. 60 #9-83, Bogotá', lat: 4.6486, lng: -74.0628 },
    { name: 'La Candelaria', address: 'Cl. 11 #4-14, Bogotá', lat: 4.5981, lng: -74.0760 }
  ];
  const ROLE_ICON = { customer: '🙂', restaurant: '🍳', rapitendero: '🛵' };

  let version = -1;
  let config = { businessName: 'WPFoods', displayPhoneNumber: '' };
  const panels = new Map(); // waId -> { root, list, signature }

  // ---- HTTP ----
  async function api(method, path, body) {
    const options = { method, headers: {} };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, options);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.error) || ('HTTP ' + response.status));
    }
    return json;
  }

  function sendAsUser(waId, message) {
    return api('POST', '/phones/' + waId + '/messages', message).then(refresh).catch(showError);
  }

  function showError(error) {
    window.alert(error.message || String(error));
  }

  // ---- DOM helpers ----
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function linkified(text) {
    const span = el('span', 'body');
    const parts = String(text).split(/(https?:\/\/[^\s]+)/g);
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        const a = el('a', null, part);
        a.href = part;
        a.target = '_blank';
        a.rel = 'noopener';
        span.appendChild(a);
      } else {
        span.appendChild(document.createTextNode(part));
      }
    });
    return span;
  }

  function time(seconds) {
    const d = new Date(seconds * 1000);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  function mediaUrl(media) {
    if (!media) return null;
    if (media.id) return API + '/media/' + encodeURIComponent(media.id);
    return media.link || null;
  }

  function mediaNode(kind, media, messageId) {
    const url = mediaUrl(media);
    if (kind === 'image' || kind === 'sticker') {
      const img = el('img', 'media');
      img.src = url;
      img.alt = media.caption || kind;
      return img;
    }
    if (kind === 'video') {
      const video = el('video', 'media');
      video.src = url;
      video.controls = true;
      return video;
    }
    if (kind === 'audio') {
      const audio = el('audio');
      audio.src = url;
      audio.controls = true;
      if (messageId) {
        audio.addEventListener('play', function () {
          api('POST', '/messages/' + encodeURIComponent(messageId) + '/played').catch(function () {});
        }, { once: true });
      }
      return audio;
    }
    const doc = el('a', 'doc');
    doc.href = url;
    doc.target = '_blank';
    doc.appendChild(el('span', null, '📄'));
    doc.appendChild(el('span', null, media.filename || 'document'));
    return doc;
  }

  function locationNode(location) {
    const a = el('a', 'location-card');
    a.href = 'https://www.openstreetmap.org/?mlat=' + location.latitude + '&mlon=' + location.longitude + '#map=17/'
      + location.latitude + '/' + location.longitude;
    a.target = '_blank';
    a.rel = 'noopener';
    a.appendChild(el('div', 'pin', '📍'));
    if (location.name) a.appendChild(el('div', 'header-text', location.name));
    if (location.address) a.appendChild(el('div', null, location.address));
    a.appendChild(el('div', 'footer-text', Number(location.latitude).toFixed(5) + ', ' + Number(location.longitude).toFixed(5)));
    return a;
  }

  function headerNode(header) {
    if (!header) return null;
    if (header.type === 'text') return el('div', 'header-text', header.text);
    return mediaNode(header.type, header[header.type]);
  }

  // ---- rendering one message ----
  function renderBusinessMessage(phone, message, container, byId) {
    const c = message.content || {};
    const bubble = el('div', 'msg in');
    bubble.dataset.id = message.id;
    bubble.dataset.type = message.type;
    let actions = null;
    if (message.contextId && byId[message.contextId]) {
      bubble.appendChild(el('div', 'quote', summary(byId[message.contextId])));
    }
    switch (message.type) {
      case 'text':
        bubble.appendChild(linkified(c.body));
        break;
      case 'interactive': {
        const header = headerNode(c.header);
        if (header) bubble.appendChild(header);
        bubble.appendChild(linkified(c.body ? c.body.text : ''));
        if (c.footer) bubble.appendChild(el('div', 'footer-text', c.footer.text));
        actions = el('div', 'actions');
        if (c.type === 'button') {
          (c.action.buttons || []).forEach(function (button) {
            const b = el('button', 'reply-button', '↩ ' + button.reply.title);
            b.dataset.id = button.reply.id;
            b.addEventListener('click', function () {
              sendAsUser(phone.waId, { type: 'button_reply', id: button.reply.id, contextId: message.id });
            });
            actions.appendChild(b);
          });
        } else if (c.type === 'list') {
          const b = el('button', 'list-open', '☰ ' + c.action.button);
          b.addEventListener('click', function () { openList(phone, message); });
          actions.appendChild(b);
        } else if (c.type === 'cta_url') {
          const a = el('a', 'cta-link', '🔗 ' + c.action.parameters.display_text);
          a.href = c.action.parameters.url;
          a.target = '_blank';
          a.rel = 'noopener';
          actions.appendChild(a);
        } else if (c.type === 'location_request_message') {
          const b = el('button', 'send-location', '📍 Send location');
          b.addEventListener('click', function () { openLocation(phone, message.id); });
          actions.appendChild(b);
        }
        break;
      }
      case 'template': {
        const t = message.template || {};
        if (t.headerText) bubble.appendChild(el('div', 'header-text', t.headerText));
        if (t.headerMedia) {
          const kind = t.headerMedia.latitude !== undefined ? 'location' : guessKind(t.headerMedia);
          bubble.appendChild(kind === 'location' ? locationNode(t.headerMedia) : mediaNode(kind, t.headerMedia));
        }
        bubble.appendChild(linkified(t.body || ''));
        if (t.footer) bubble.appendChild(el('div', 'footer-text', t.footer));
        if (t.buttons && t.buttons.length) {
          actions = el('div', 'actions');
          t.buttons.forEach(function (button) {
            if (button.type === 'URL') {
              const a = el('a', 'cta-link', '🔗 ' + button.text);
              a.href = button.url;
              a.target = '_blank';
              actions.appendChild(a);
            } else if (button.type === 'QUICK_REPLY') {
              const b = el('button', 'reply-button', '↩ ' + button.text);
              b.dataset.id = button.payload;
              b.addEventListener('click', function () {
                sendAsUser(phone.waId, { type: 'button_reply', id: button.payload, contextId: message.id });
              });
              actions.appendChild(b);
            } else {
              actions.appendChild(el('button', null, '📞 ' + button.text));
            }
          });
        }
        break;
      }
      case 'location':
        bubble.appendChild(locationNode(c));
        break;
      case 'image': case 'video': case 'audio': case 'document': case 'sticker':
        bubble.appendChild(mediaNode(message.type, c, message.id));
        if (c.caption) bubble.appendChild(linkified(c.caption));
        break;
      case 'reaction': {
        const note = el('div', 'reaction-note', c.emoji
          ? config.businessName + ' reacted ' + c.emoji + (byId[c.message_id] ? ' to “' + summary(byId[c.message_id]) + '”' : '')
          : config.businessName + ' removed a reaction');
        container.appendChild(note);
        return;
      }
      case 'contacts':
        (message.content || []).forEach(function (contact) {
          bubble.appendChild(el('div', null, '👤 ' + (contact.name ? contact.name.formatted_name : '')));
        });
        break;
      default:
        bubble.appendChild(el('em', null, '[' + message.type + ']'));
    }
    bubble.appendChild(meta(message, false));
    if (message.status === 'failed') {
      bubble.classList.add('failed');
      bubble.appendChild(el('div', 'error-note', 'not delivered: ' + (message.error || 'failed')));
    }
    container.appendChild(bubble);
    if (actions) container.appendChild(actions);
  }

  function guessKind(media) {
    const link = (media.link || '').toLowerCase();
    if (/\.(mp4|3gp)(\?|$)/.test(link)) return 'video';
    if (/\.(pdf|docx?|xlsx?|pptx?|txt)(\?|$)/.test(link)) return 'document';
    return 'image';
  }

  function renderUserMessage(message, container, byId) {
    const m = message.content || {};
    if (message.type === 'reaction') {
      const r = m.reaction || {};
      container.appendChild(el('div', 'reaction-note', r.emoji ? 'You reacted ' + r.emoji : 'You removed a reaction'));
      return;
    }
    const bubble = el('div', 'msg out');
    bubble.dataset.id = message.id;
    bubble.dataset.type = message.type;
    if (message.contextId && byId[message.contextId]) {
      bubble.appendChild(el('div', 'quote', summary(byId[message.contextId])));
    }
    switch (message.type) {
      case 'text':
        bubble.appendChild(linkified(m.text.body));
        break;
      case 'interactive': {
        const i = m.interactive;
        const reply = i.button_reply || i.list_reply || {};
        bubble.appendChild(el('span', null, reply.title || ''));
        if (i.list_reply && i.list_reply.description) bubble.appendChild(el('div', 'footer-text', i.list_reply.description));
        break;
      }
      case 'button':
        bubble.appendChild(el('span', null, m.button.text));
        break;
      case 'location':
        bubble.appendChild(locationNode(m.location));
        break;
      case 'order': {
        const card = el('div', 'order-card');
        card.appendChild(el('div', 'header-text', '🛒 Order'));
        let total = 0;
        m.order.product_items.forEach(function (item) {
          total += item.quantity * item.item_price;
          card.appendChild(el('div', null, item.quantity + '× ' + productName(item.product_retailer_id) + ' · $'
            + Number(item.item_price).toLocaleString('es-CO')));
        });
        card.appendChild(el('div', 'footer-text', 'Total $' + total.toLocaleString('es-CO') + ' ' + (m.order.product_items[0].currency || '')));
        if (m.order.text) card.appendChild(el('div', null, m.order.text));
        bubble.appendChild(card);
        break;
      }
      case 'image': case 'video': case 'audio': case 'document': case 'sticker':
        bubble.appendChild(mediaNode(message.type, m[message.type]));
        if (message.type === 'audio' && m.audio.voice) bubble.appendChild(el('div', 'footer-text', '🎤 voice note'));
        if (m[message.type].caption) bubble.appendChild(linkified(m[message.type].caption));
        break;
      default:
        bubble.appendChild(el('em', null, '[' + message.type + ']'));
    }
    bubble.appendChild(meta(message, true));
    container.appendChild(bubble);
  }

  function productName(id) {
    const product = CATALOG.find(function (p) { return p.id === id; });
    return product ? product.name : id;
  }

  function meta(message, withTicks) {
    const span = el('span', 'meta', time(message.timestamp));
    if (withTicks) {
      const ticks = el('span', 'ticks', message.status === 'sent' ? '✓' : '✓✓');
      ticks.dataset.status = message.status;
      if (message.status === 'read') ticks.classList.add('read');
      span.appendChild(ticks);
    }
    return span;
  }

  function summary(message) {
    const c = message.content || {};
    if (message.direction === 'received') {
      if (message.type === 'text') return c.body;
      if (message.type === 'interactive') return c.body ? c.body.text : message.type;
      if (message.type === 'template') return (message.template || {}).body || message.type;
      return message.type;
    }
    if (message.type === 'text') return c.text.body;
    return message.type;
  }

  // ---- phones ----
  function createPanel(phone) {
    const root = el('section', 'phone');
    root.dataset.waId = phone.waId;
    const head = el('div', 'phone-head');
    head.appendChild(el('div', 'avatar', '🍔'));
    const who = el('div', 'who');
    who.appendChild(el('div', 'biz', config.businessName));
    const me = el('div', 'me', (ROLE_ICON[phone.role] || '📱') + ' ' + phone.name + ' · +' + phone.waId);
    me.appendChild(el('span', 'role', phone.role));
    who.appendChild(me);
    head.appendChild(who);
    const close = el('button', 'close', '×');
    close.title = 'Remove this phone';
    close.addEventListener('click', function () {
      api('DELETE', '/phones/' + phone.waId).then(refresh).catch(showError);
    });
    head.appendChild(close);
    root.appendChild(head);

    const list = el('div', 'messages');
    root.appendChild(list);

    const composer = el('form', 'composer');
    composer.autocomplete = 'off';
    const attachLocation = el('button', 'attach-location', '📍');
    attachLocation.type = 'button';
    attachLocation.title = 'Share a location';
    attachLocation.addEventListener('click', function () { openLocation(phone, null); });
    const order = el('button', 'attach-order', '🛒');
    order.type = 'button';
    order.title = 'Send a cart from the catalog';
    order.addEventListener('click', function () { openOrder(phone); });
    const imageInput = el('input');
    imageInput.type = 'file';
    imageInput.accept = 'image/jpeg,image/png';
    imageInput.className = 'image-file';
    const image = el('button', 'attach-image', '🖼');
    image.type = 'button';
    image.title = 'Send an image';
    image.addEventListener('click', function () { imageInput.click(); });
    imageInput.addEventListener('change', function () { uploadMedia(phone, imageInput, 'image'); });
    const voiceInput = el('input');
    voiceInput.type = 'file';
    voiceInput.accept = 'audio/*';
    voiceInput.className = 'voice-file';
    const voice = el('button', 'attach-voice', '🎤');
    voice.type = 'button';
    voice.title = 'Send a voice note (upload an audio file)';
    voice.addEventListener('click', function () { voiceInput.click(); });
    voiceInput.addEventListener('change', function () { uploadMedia(phone, voiceInput, 'audio'); });
    const text = el('input', 'text');
    text.type = 'text';
    text.placeholder = 'Message';
    const send = el('button', 'send', '➤');
    send.type = 'submit';
    composer.addEventListener('submit', function (event) {
      event.preventDefault();
      const body = text.value;
      if (!body.trim()) return;
      text.value = '';
      sendAsUser(phone.waId, { type: 'text', text: body });
    });
    [attachLocation, order, image, imageInput, voice, voiceInput, text, send].forEach(function (n) { composer.appendChild(n); });
    root.appendChild(composer);
    return { root: root, list: list, signature: '' };
  }

  function uploadMedia(phone, input, kind) {
    const file = input.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    form.append('kind', kind);
    if (kind === 'audio') form.append('voice', 'true');
    input.value = '';
    api('POST', '/phones/' + phone.waId + '/messages/media', form).then(refresh).catch(showError);
  }

  function renderPhone(phone) {
    let panel = panels.get(phone.waId);
    if (!panel) {
      panel = createPanel(phone);
      panels.set(phone.waId, panel);
      document.getElementById('phones').appendChild(panel.root);
    }
    // Re-draw only when messages were added or removed; status changes are patched in place so
    // that a button being tapped is never replaced under the finger.
    const structure = JSON.stringify(phone.messages.map(function (m) { return m.id; }));
    if (structure === panel.signature) {
      updateStatuses(panel, phone.messages);
      return;
    }
    panel.signature = structure;
    const list = panel.list;
    list.textContent = '';
    const byId = {};
    phone.messages.forEach(function (m) { byId[m.id] = m; });
    phone.messages.forEach(function (message) {
      if (message.direction === 'received') renderBusinessMessage(phone, message, list, byId);
      else renderUserMessage(message, list, byId);
    });
    list.scrollTop = list.scrollHeight;
  }

  function updateStatuses(panel, messages) {
    messages.forEach(function (message) {
      const bubble = panel.list.querySelector('.msg[data-id="' + CSS.escape(message.id) + '"]');
      if (!bubble) return;
      const ticks = bubble.querySelector('.ticks');
      if (ticks && ticks.dataset.status !== message.status) {
        ticks.dataset.status = message.status;
        ticks.textContent = message.status === 'sent' ? '✓' : '✓✓';
        ticks.classList.toggle('read', message.status === 'read');
      }
      if (message.status === 'failed' && !bubble.classList.contains('failed')) {
        bubble.classList.add('failed');
        bubble.appendChild(el('div', 'error-note', 'not delivered: ' + (message.error || 'failed')));
      }
    });
  }

  function render(snapshot) {
    if (!snapshot.phones) return;
    const seen = new Set();
    snapshot.phones.forEach(function (phone) { seen.add(phone.waId); renderPhone(phone); });
    panels.forEach(function (panel, waId) {
      if (!seen.has(waId)) { panel.root.remove(); panels.delete(waId); }
    });
    document.getElementById('empty').classList.toggle('hidden', snapshot.phones.length > 0);
  }

  async function refresh() {
    try {
      const snapshot = await api('GET', '/snapshot?since=' + version);
      if (snapshot.version !== version) {
        version = snapshot.version;
        render(snapshot);
      }
    } catch (e) {
      // simulator restarting: try again on the next tick
    }
  }

  // ---- sheets (list, location, order) ----
  function openSheet(title) {
    const sheet = document.getElementById('sheet');
    sheet.textContent = '';
    sheet.appendChild(el('h3', null, title));
    document.getElementById('overlay').classList.remove('hidden');
    return sheet;
  }

  function closeSheet() {
    document.getElementById('overlay').classList.add('hidden');
  }

  function sheetButtons(sheet, label, onOk) {
    const buttons = el('div', 'buttons');
    const cancel = el('button', 'secondary', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', closeSheet);
    const ok = el('button', 'sheet-ok', label);
    ok.type = 'button';
    ok.addEventListener('click', onOk);
    buttons.appendChild(cancel);
    buttons.appendChild(ok);
    sheet.appendChild(buttons);
  }

  function openList(phone, message) {
    const action = message.content.action;
    const sheet = openSheet(action.button);
    action.sections.forEach(function (section) {
      if (section.title) sheet.appendChild(el('div', 'section-title', section.title));
      section.rows.forEach(function (row) {
        const b = el('button', 'list-row');
        b.type = 'button';
        b.dataset.id = row.id;
        b.appendChild(el('div', 't', row.title));
        if (row.description) b.appendChild(el('div', 'd', row.description));
        b.addEventListener('click', function () {
          closeSheet();
          sendAsUser(phone.waId, { type: 'list_reply', id: row.id, contextId: message.id });
        });
        sheet.appendChild(b);
      });
    });
    sheetButtons(sheet, 'Close', closeSheet);
  }

  function field(sheet, label, name, value) {
    const l = el('label', null, label);
    const input = el('input');
    input.name = name;
    input.value = value === undefined ? '' : value;
    l.appendChild(input);
    sheet.appendChild(l);
    return input;
  }

  function openLocation(phone, contextId) {
    const sheet = openSheet('📍 Share location');
    const chips = el('div');
    sheet.appendChild(chips);
    const lat = field(sheet, 'Latitude', 'latitude', PLACES[2].lat);
    const lng = field(sheet, 'Longitude', 'longitude', PLACES[2].lng);
    const name = field(sheet, 'Name (optional)', 'name', '');
    const address = field(sheet, 'Address (optional)', 'address', '');
    PLACES.forEach(function (place) {
      const chip = el('button', 'chip', place.name);
      chip.type = 'button';
      chip.addEventListener('click', function () {
        lat.value = place.lat; lng.value = place.lng; name.value = place.name; address.value = place.address;
      });
      chips.appendChild(chip);
    });
    sheetButtons(sheet, 'Send', function () {
      const latitude = Number(lat.value);
      const longitude = Number(lng.value);
      if (!isFinite(latitude) || !isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
        showError(new Error('Coordinates out of range'));
        return;
      }
      closeSheet();
      const message = { type: 'location', latitude: latitude, longitude: longitude,
        name: name.value || null, address: address.value || null };
      if (contextId) message.contextId = contextId;
      sendAsUser(phone.waId, message);
    });
  }

  function openOrder(phone) {
    const sheet = openSheet('🛒 Catalog');
    const quantities = {};
    CATALOG.forEach(function (product) {
      const row = el('div', 'item');
      row.appendChild(el('span', 'name', product.name));
      row.appendChild(el('span', 'muted', '$' + product.price.toLocaleString('es-CO')));
      const q = el('input');
      q.type = 'number';
      q.min = '0';
      q.value = '0';
      q.name = product.id;
      quantities[product.id] = q;
      row.appendChild(q);
      sheet.appendChild(row);
    });
    const note = field(sheet, 'Note for the restaurant (optional)', 'note', '');
    sheetButtons(sheet, 'Send cart', function () {
      const items = CATALOG.filter(function (p) { return Number(quantities[p.id].value) > 0; }).map(function (p) {
        return { productRetailerId: p.id, quantity: Number(quantities[p.id].value), itemPrice: p.price, currency: 'COP' };
      });
      if (!items.length) { showError(new Error('Choose at least one product')); return; }
      closeSheet();
      sendAsUser(phone.waId, { type: 'order', text: note.value || null, items: items });
    });
  }

  // ---- start ----
  document.getElementById('overlay').addEventListener('click', function (event) {
    if (event.target.id === 'overlay') closeSheet();
  });
  document.getElementById('add-phone-form').addEventListener('submit', function (event) {
    event.preventDefault();
    const name = document.getElementById('new-phone-name');
    const number = document.getElementById('new-phone-number');
    const role = document.getElementById('new-phone-role');
    api('POST', '/phones', { name: name.value || null, number: number.value || null, role: role.value })
      .then(function () { name.value = ''; number.value = ''; refresh(); })
      .catch(showError);
  });
  document.getElementById('reset').addEventListener('click', function () {
    if (window.confirm('Forget all phones and messages?')) api('POST', '/reset').then(refresh).catch(showError);
  });
  api('GET', '/config').then(function (c) {
    config = c;
    document.getElementById('business').textContent = c.businessName + ' · +' + c.displayPhoneNumber;
  }).catch(function () {}).finally(function () {
    refresh();
    window.setInterval(refresh, 700);
  });
})();
