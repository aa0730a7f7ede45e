/*
 * The officer web app: sign-in, the queue of the officer's centres with live updates, a conversation with its
 * whole history and the reply box, the complaint record with its status, the office hours and holidays (read by
 * every officer, changed by admins), and (for admins) accounts and the audit log.
 *
 * Plain browser JavaScript with no build step. The Content-Security-Policy allows scripts from this origin
 * only, so nothing here is inline and nothing is evaluated from text. Everything citizens and officers wrote
 * reaches the page as text nodes or attribute values set through the DOM, never as markup: this file never
 * assigns innerHTML.
 */
'use strict';

(function () {
  /* The app's own words, in Thai and English. What citizens and officers wrote is shown as they wrote it. */
  const TEXTS = {
    th: {
      pageTitle: 'ศูนย์ดำรงธรรม · ระบบเจ้าหน้าที่',
      appName: 'ศูนย์ดำรงธรรม · ระบบเจ้าหน้าที่',
      skipToContent: 'ข้ามไปยังเนื้อหา',
      navLabel: 'เมนูหลัก',
      navQueue: 'คิวงาน',
      navComplaints: 'ค้นหาเรื่องร้องเรียน',
      navAccounts: 'บัญชีเจ้าหน้าที่',
      navHours: 'เวลาทำการ',
      navAudit: 'บันทึกการใช้งาน',
      languageLabel: 'ภาษาของหน้านี้',
      loading: 'กำลังโหลด…',
      detailLabel: 'รายละเอียด',

      signInTitle: 'เข้าสู่ระบบเจ้าหน้าที่',
      username: 'ชื่อผู้ใช้',
      password: 'รหัสผ่าน',
      signIn: 'เข้าสู่ระบบ',
      signOut: 'ออกจากระบบ',
      signedInAs: '{name} · {role}',
      invalidCredentials: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (หากมีการใส่รหัสผ่านผิดหลายครั้ง บัญชีจะถูกพักการเข้าสู่ระบบไว้สักครู่)',
      tooManyAttempts: 'มีการพยายามเข้าสู่ระบบจากเครือข่ายนี้มากเกินไป กรุณารอสักครู่แล้วลองใหม่',
      fillBoth: 'กรุณากรอกชื่อผู้ใช้และรหัสผ่าน',
      sessionEnded: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',

      passwordTitle: 'ตั้งรหัสผ่านใหม่',
      passwordIntro: 'บัญชีนี้ใช้รหัสผ่านครั้งเดียว กรุณาตั้งรหัสผ่านใหม่ก่อนเริ่มงาน',
      passwordIntroVoluntary: 'ใส่รหัสผ่านปัจจุบัน แล้วตั้งรหัสผ่านใหม่',
      changePassword: 'เปลี่ยนรหัสผ่าน',
      currentPassword: 'รหัสผ่านปัจจุบัน',
      newPassword: 'รหัสผ่านใหม่',
      passwordRule: 'อย่างน้อย 12 ตัวอักษร และต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน',
      confirmPassword: 'พิมพ์รหัสผ่านใหม่อีกครั้ง',
      savePassword: 'บันทึกรหัสผ่าน',
      passwordMismatch: 'รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน',
      passwordTooShort: 'รหัสผ่านใหม่ต้องมีอย่างน้อย 12 ตัวอักษร',
      passwordTooLong: 'รหัสผ่านใหม่ยาวเกินไป (ไม่เกิน 256 ตัวอักษร)',
      passwordContainsUsername: 'รหัสผ่านใหม่ต้องไม่มีชื่อผู้ใช้อยู่ในนั้น',
      passwordSame: 'รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม',
      passwordCurrentWrong: 'รหัสผ่านปัจจุบันไม่ถูกต้อง',
      passwordChanged: 'เปลี่ยนรหัสผ่านแล้ว',
      cancel: 'ยกเลิก',

      queueTitle: 'คิวงาน',
      scopeAll: 'ทุกศูนย์',
      scopeSome: 'ศูนย์ที่รับผิดชอบ: {centres}',
      liveSection: 'แชตสด',
      liveSectionHint: 'ประชาชนที่รอคุยกับเจ้าหน้าที่ตอนนี้',
      questionSection: 'คำถามที่ฝากไว้นอกเวลาทำการ',
      questionSectionHint: 'ตอบได้เลย ประชาชนจะได้รับคำตอบในช่องทางที่ถามมา',
      queueEmptyLive: 'ไม่มีผู้รอคุย',
      queueEmptyQuestions: 'ไม่มีคำถามค้าง',
      stateQueued: 'รอเจ้าหน้าที่',
      stateLiveWith: 'คุยอยู่กับ {name}',
      stateLiveWithYou: 'คุยอยู่กับคุณ',
      stateAnsweredBy: '{name} ตอบแล้ว',
      stateAnsweredByYou: 'คุณตอบแล้ว',
      stateClosed: 'ปิดแล้ว',
      stateBot: 'กลับไปคุยกับผู้ช่วยอัตโนมัติแล้ว',
      stateGone: 'ไม่อยู่ในคิวของคุณแล้ว',
      anotherOfficer: 'เจ้าหน้าที่อีกคน',
      waited: 'รอ {duration}',
      kindLive: 'แชตสด',
      kindQuestion: 'คำถามฝากไว้',
      channelWeb: 'เว็บแชต',
      channelMessenger: 'Messenger',
      channelLine: 'LINE',
      langTh: 'ภาษาไทย',
      langEn: 'ภาษาอังกฤษ',
      newMessages: 'ข้อความใหม่',
      lessThanMinute: 'ไม่ถึง 1 นาที',
      minutes: '{m} นาที',
      hoursMinutes: '{h} ชม. {m} นาที',
      daysHours: '{d} วัน {h} ชม.',

      fieldCentre: 'ศูนย์',
      fieldChannel: 'ช่องทาง',
      fieldLanguage: 'ภาษาของประชาชน',
      fieldKind: 'ประเภท',
      fieldState: 'สถานะ',
      fieldReason: 'เรื่องที่แจ้ง',
      noReason: '(ไม่ได้ระบุเรื่อง)',
      fieldRequested: 'ขอเมื่อ',
      fieldWaiting: 'เวลารอ',

      chooseConversation: 'เลือกรายการในคิวเพื่อเปิดการสนทนา',
      conversationTitle: 'การสนทนา',
      notFound: 'ไม่พบการสนทนานี้ หรือการสนทนานี้ไม่อยู่ในศูนย์ที่คุณรับผิดชอบ',
      backToQueue: 'กลับไปที่คิวงาน',
      claim: 'รับเรื่อง',
      claimed: 'รับเรื่องแล้ว ตอบประชาชนได้เลย',
      alreadyClaimed: 'เจ้าหน้าที่คนอื่นรับเรื่องนี้ไปก่อนแล้ว',
      notYours: 'คุณยังไม่ได้รับเรื่องนี้ จึงยังตอบไม่ได้',
      claimToReply: 'กด “รับเรื่อง” ก่อนจึงจะตอบประชาชนได้',
      handledByOther: '{name} กำลังดูแลการสนทนานี้',
      history: 'ประวัติการสนทนา',
      noMessages: 'ยังไม่มีข้อความ',
      speakerCitizen: 'ประชาชน',
      speakerBot: 'ผู้ช่วยอัตโนมัติ',
      speakerOfficer: 'เจ้าหน้าที่',
      speakerOfficerNamed: '{name} (เจ้าหน้าที่)',
      speakerSystem: 'ระบบ',
      imageAlt: 'รูปภาพที่แนบมา',
      attachmentCard: 'การ์ดของผู้ช่วยอัตโนมัติ (ปุ่มและข้อความ)',
      attachmentFile: 'ไฟล์แนบ',
      undeliverable: 'ส่งไม่ถึงประชาชน',
      undeliverableWhy: 'ส่งไม่ถึงประชาชน ({reason})',
      pendingDelivery: 'กำลังส่ง…',
      systemRequestLive: 'ประชาชนขอคุยกับเจ้าหน้าที่ (แชตสด): {centre}',
      systemRequestQuestion: 'ประชาชนฝากคำถามไว้ (นอกเวลาทำการ): {centre}',
      systemUndeliverable: 'ข้อความแจ้งประชาชนส่งไม่ถึง',
      systemClaim: '{name} รับเรื่อง',
      systemTransfer: '{name} โอนเรื่องจาก{from} ไปยัง{to}',
      systemClose: '{name} ปิดการสนทนา',
      systemIdleClose: 'ปิดการสนทนาอัตโนมัติ เพราะไม่มีข้อความเป็นเวลานาน',
      systemAnsweredClose: 'ตอบคำถามแล้ว ปิดอัตโนมัติเมื่อไม่มีข้อความต่อ',
      systemRequeue: 'กลับเข้าคิว เพราะ {name} ดูแลเรื่องนี้ต่อไม่ได้แล้ว',
      systemWithdraw: 'ประชาชนยกเลิกการรอ',
      systemCitizenLeft: 'ประชาชนออกจากการสนทนา',
      systemToQuestion: 'ประชาชนเลือกฝากคำถามไว้แทนการรอ',
      systemOffer: 'ยังไม่มีใครรับเรื่องในเวลาที่กำหนด ระบบเสนอให้ประชาชนฝากคำถามไว้',

      reply: 'ตอบประชาชน',
      replyText: 'ข้อความ',
      replyHint: 'กด Ctrl+Enter เพื่อส่ง',
      replyLink: 'ลิงก์ (ถ้ามี)',
      replyImage: 'รูปภาพ (ถ้ามี)',
      replyImageHint: 'JPEG, PNG, GIF หรือ WebP ไม่เกิน 10 MB',
      removeImage: 'เอารูปออก',
      chooseImage: 'เลือกรูปภาพ…',
      noImage: 'ยังไม่ได้เลือกรูป',
      send: 'ส่ง',
      sending: 'กำลังส่ง…',
      replyEmpty: 'พิมพ์ข้อความ แนบรูป หรือใส่ลิงก์ก่อนส่ง',
      replyTooLong: 'ข้อความยาวเกิน 4,000 ตัวอักษร',
      linkInvalid: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://',
      imageInvalid: 'แนบได้เฉพาะรูปภาพ JPEG, PNG, GIF หรือ WebP',
      imageTooLarge: 'รูปภาพต้องมีขนาดไม่เกิน 10 MB',
      sentUndeliverable: 'บันทึกข้อความแล้ว แต่ส่งไม่ถึงประชาชน',
      canned: 'คำตอบสำเร็จรูป',
      cannedChoose: 'เลือกคำตอบ…',
      cannedInsert: 'ใส่ในช่องข้อความ',
      cannedHint: 'ใส่เป็น{lang} ตามภาษาของประชาชน',

      transfer: 'โอนไปศูนย์อื่น',
      transferSearch: 'ค้นหาศูนย์ (ชื่อหรือรหัส)',
      transferCode: 'รหัสศูนย์ปลายทาง',
      transferCodeHint: 'เช่น 50 (จังหวัดเชียงใหม่) หรือ 5001 (อำเภอเมืองเชียงใหม่)',
      transferSubmit: 'โอน',
      transferNoMatch: 'ไม่พบศูนย์ที่ตรงกับคำค้น',
      transferResults: 'ศูนย์ที่ตรงกับคำค้น',
      transferChosen: 'ศูนย์ที่เลือก: {name}',
      transferChooseFirst: 'เลือกศูนย์ปลายทางก่อน',
      transferred: 'โอนไปที่{name}แล้ว',
      unknownCentre: 'ไม่มีศูนย์รหัสนี้',

      close: 'ปิดการสนทนา',
      closeConfirm: 'ปิดการสนทนานี้หรือไม่ ประชาชนจะได้รับแจ้ง และผู้ช่วยอัตโนมัติจะดูแลต่อ',
      closeYes: 'ยืนยันปิดการสนทนา',
      closed: 'ปิดการสนทนาแล้ว ประชาชนได้รับแจ้ง และกลับไปคุยกับผู้ช่วยอัตโนมัติ',
      gone: 'การสนทนานี้ออกจากคิวของคุณแล้ว',

      complaintLookupTitle: 'ค้นหาเรื่องร้องเรียน',
      trackingNumber: 'เลขที่เรื่อง',
      trackingNumberHint: 'เช่น DD-2569-7K3Q9XR',
      find: 'ค้นหา',
      complaintNotFound: 'ไม่พบเรื่องร้องเรียนเลขนี้ หรือเรื่องนี้ไม่อยู่ในศูนย์ที่คุณรับผิดชอบ',
      complaintOfConversation: 'เรื่องร้องเรียนของการสนทนานี้',
      openComplaint: 'เปิดเรื่องร้องเรียน {number}',
      complaintTitle: 'เรื่องร้องเรียน {number}',
      cStatus: 'สถานะ',
      cCategory: 'ประเภทเรื่อง',
      cDestination: 'ส่งถึง',
      cSubject: 'หัวข้อ',
      cDescription: 'รายละเอียด',
      cAttachments: 'ไฟล์แนบ',
      cPlace: 'สถานที่เกิดเหตุ',
      cWhen: 'วันเวลาที่เกิดเหตุ',
      cWhenApprox: 'ประมาณ',
      cWhenWeek: 'สัปดาห์ที่เริ่ม',
      cContact: 'ผู้ร้องเรียน',
      cAnonymous: 'ไม่ประสงค์ออกนาม',
      cName: 'ชื่อ',
      cPhone: 'โทรศัพท์',
      cEmail: 'อีเมล',
      cNationalId: 'เลขประจำตัวประชาชน',
      cLanguage: 'ภาษาของผู้ร้องเรียน',
      cCreated: 'แจ้งเมื่อ',
      cUpdated: 'ปรับปรุงล่าสุด',
      timeline: 'ความคืบหน้า',
      timelineBy: 'โดย{name}',
      actorCitizen: 'ผู้ร้องเรียน',
      actorOfficer: 'เจ้าหน้าที่',
      actorSystem: 'ระบบ',
      actorAgency: 'หน่วยงาน',
      statusChange: 'เปลี่ยนสถานะ',
      newStatus: 'สถานะใหม่',
      statusNote: 'ข้อความถึงผู้ร้องเรียน',
      statusNoteHint: 'ผู้ร้องเรียนจะได้รับข้อความนี้พร้อมสถานะใหม่ในช่องทางที่แจ้งเรื่องมา (1–1,000 ตัวอักษร)',
      saveStatus: 'บันทึกและแจ้งผู้ร้องเรียน',
      statusSaved: 'บันทึกสถานะแล้ว และแจ้งผู้ร้องเรียนแล้ว',
      statusSavedNotNotified: 'บันทึกสถานะแล้ว แต่ส่งข้อความถึงผู้ร้องเรียนไม่สำเร็จ ผู้ร้องเรียนจะเห็นสถานะใหม่เมื่อติดตามเรื่อง',
      noteRequired: 'กรุณาเขียนข้อความถึงผู้ร้องเรียน (1–1,000 ตัวอักษร)',
      status_received: 'รับเรื่องแล้ว',
      status_forwarded: 'ส่งต่อหน่วยงานแล้ว',
      status_in_progress: 'อยู่ระหว่างดำเนินการ',
      status_resolved: 'ดำเนินการแล้วเสร็จ',
      status_closed: 'ยุติเรื่อง',
      status_rejected: 'ไม่อยู่ในอำนาจรับเรื่อง',

      accountsTitle: 'บัญชีเจ้าหน้าที่',
      colUsername: 'ชื่อผู้ใช้',
      colDisplayName: 'ชื่อที่แสดง',
      colRole: 'บทบาท',
      colCentres: 'ศูนย์',
      colPassword: 'รหัสผ่าน',
      mustChange: 'ยังไม่ได้เปลี่ยนรหัสผ่านครั้งแรก',
      passwordSet: 'ตั้งแล้ว',
      role_officer: 'เจ้าหน้าที่',
      role_supervisor: 'หัวหน้างาน',
      role_admin: 'ผู้ดูแลระบบ',
      allCentres: 'ทุกศูนย์',
      createAccount: 'เพิ่มบัญชีเจ้าหน้าที่',
      displayName: 'ชื่อที่แสดง',
      role: 'บทบาท',
      centres: 'รหัสศูนย์',
      centresHint: 'คั่นด้วยจุลภาค เช่น 50, 5001 — หัวหน้างานใส่รหัสจังหวัด ผู้ดูแลระบบไม่ต้องใส่',
      usernameHint: '3–32 ตัว: a–z ตัวเล็ก ตัวเลข จุด ขีด หรือขีดล่าง',
      create: 'สร้างบัญชี',
      oneTimePassword: 'รหัสผ่านครั้งเดียวของ {username}',
      oneTimeNote: 'รหัสนี้แสดงเพียงครั้งเดียว ส่งให้เจ้าหน้าที่ทางช่องทางที่ปลอดภัย เจ้าหน้าที่ต้องตั้งรหัสผ่านใหม่เมื่อเข้าสู่ระบบครั้งแรก',
      copy: 'คัดลอก',
      copied: 'คัดลอกแล้ว',
      accountInvalid: 'ข้อมูลบัญชีไม่ถูกต้อง',
      usernameTaken: 'มีชื่อผู้ใช้นี้อยู่แล้ว',
      centresRequired: 'เจ้าหน้าที่และหัวหน้างานต้องมีศูนย์อย่างน้อยหนึ่งศูนย์',
      colAccountStatus: 'สถานะบัญชี',
      accountActive: 'ใช้งานได้',
      accountDisabled: 'ปิดใช้งาน',
      edit: 'แก้ไข',
      editAccountOf: 'แก้ไข {username}',
      editAccountTitle: 'แก้ไขบัญชี {username}',
      accountEnabled: 'ใช้งานได้',
      accountEnabledHint: 'ถ้าเอาเครื่องหมายออก เจ้าหน้าที่คนนี้จะถูกออกจากระบบทันที และเข้าสู่ระบบไม่ได้จนกว่าจะเปิดใช้งานอีกครั้ง',
      ownAccountNote: 'นี่คือบัญชีของคุณ: เปลี่ยนบทบาท ปิดใช้งาน หรือตั้งรหัสผ่านครั้งเดียวใหม่ให้บัญชีของตัวเองไม่ได้ เปลี่ยนรหัสผ่านของคุณได้ที่ปุ่ม “เปลี่ยนรหัสผ่าน” ด้านบน',
      saveAccount: 'บันทึกการแก้ไข',
      accountSaved: 'บันทึกการแก้ไขบัญชี {username} แล้ว',
      accountSavedDisabled: 'ปิดใช้งานบัญชี {username} แล้ว เจ้าหน้าที่คนนี้ถูกออกจากระบบแล้ว',
      accountSavedEnabled: 'เปิดใช้งานบัญชี {username} แล้ว เจ้าหน้าที่คนนี้เข้าสู่ระบบได้อีกครั้ง',
      noChanges: 'ยังไม่ได้แก้ไขอะไร',
      displayNameRequired: 'กรุณาใส่ชื่อที่แสดง (1–100 ตัวอักษร)',
      ownAccountRefused: 'เปลี่ยนบทบาทหรือปิดใช้งานบัญชีของตัวเองไม่ได้',
      accountNotFound: 'ไม่พบบัญชีนี้ในระบบแล้ว',
      unknownCentres: 'ไม่มีศูนย์รหัส {codes}',
      roleInvalid: 'บทบาทต้องเป็นเจ้าหน้าที่ หัวหน้างาน หรือผู้ดูแลระบบ',
      accountRefused: 'ระบบไม่รับการแก้ไขนี้:',
      resetPassword: 'ตั้งรหัสผ่านครั้งเดียวใหม่',
      resetConfirm: 'ตั้งรหัสผ่านครั้งเดียวใหม่ให้ {username}? รหัสผ่านเดิมจะใช้ไม่ได้อีก และ {username} จะถูกออกจากระบบทุกเครื่องทันที',
      resetYes: 'ยืนยัน ตั้งรหัสผ่านครั้งเดียวใหม่',
      newOneTimePassword: 'รหัสผ่านครั้งเดียวใหม่ของ {username}',
      oneTimeResetNote: 'รหัสนี้แสดงเพียงครั้งเดียว ส่งให้เจ้าหน้าที่ทางช่องทางที่ปลอดภัย เจ้าหน้าที่ต้องตั้งรหัสผ่านใหม่เมื่อเข้าสู่ระบบครั้งถัดไป',

      auditTitle: 'บันทึกการใช้งาน',
      auditIntro: 'ทุกการกระทำของเจ้าหน้าที่ในระบบ รวมถึงการเปิดดูการสนทนาและเรื่องร้องเรียน รายการล่าสุดอยู่บนสุด',
      auditFilters: 'กรองรายการ',
      auditActor: 'ผู้ใช้งาน',
      auditEveryone: 'ทุกคน',
      auditTarget: 'เป้าหมาย',
      auditTargetHint: 'เช่น เลขที่เรื่อง DD-2569-7K3Q9XR',
      auditApply: 'แสดงรายการ',
      auditLoadMore: 'โหลดเพิ่ม',
      auditEmpty: 'ไม่มีรายการ',
      auditCount: 'แสดง {count} รายการ',
      colAuditTime: 'เวลา',
      colAuditWho: 'ผู้ใช้งาน',
      colAuditWhat: 'การกระทำ',
      colAuditTarget: 'เป้าหมาย',
      colAuditDetails: 'รายละเอียด',
      auditSystem: 'ระบบ',
      auditAnonymous: 'ไม่ระบุตัวตน',
      'audit_session.start': 'เข้าสู่ระบบ',
      'audit_session.end': 'ออกจากระบบ',
      'audit_session.failed': 'เข้าสู่ระบบไม่สำเร็จ',
      'audit_session.locked': 'เข้าสู่ระบบไม่ได้ เพราะบัญชีถูกล็อก',
      'audit_account.password': 'เปลี่ยนรหัสผ่านของตัวเอง',
      'audit_account.create': 'สร้างบัญชีเจ้าหน้าที่',
      'audit_account.update': 'แก้ไขบัญชีเจ้าหน้าที่',
      'audit_account.resetPassword': 'ตั้งรหัสผ่านครั้งเดียวใหม่ให้บัญชี',
      'audit_account.settings': 'เปลี่ยนการตั้งค่าของตัวเอง',
      'audit_content.officeHours': 'แก้ไขเวลาทำการและวันหยุด',
      'audit_content.canned.create': 'เพิ่มคำตอบสำเร็จรูป',
      'audit_content.canned.update': 'แก้ไขคำตอบสำเร็จรูป',
      'audit_content.canned.delete': 'ลบคำตอบสำเร็จรูป',
      'audit_complaint.status': 'เปลี่ยนสถานะเรื่องร้องเรียน',
      'audit_complaint.view': 'เปิดดูเรื่องร้องเรียน',
      'audit_handoff.view': 'เปิดดูการสนทนา',
      'audit_handoff.claim': 'รับเรื่อง',
      'audit_handoff.reply': 'ตอบประชาชน',
      'audit_handoff.note': 'เขียนบันทึกภายใน',
      'audit_handoff.transfer': 'โอนเรื่องไปศูนย์อื่น',
      'audit_handoff.close': 'ปิดการสนทนา',
      'audit_handoff.idleClose': 'ปิดการสนทนาอัตโนมัติ เพราะไม่มีข้อความเป็นเวลานาน',
      'audit_handoff.answeredClose': 'ปิดคำถามที่ตอบแล้วอัตโนมัติ',
      'audit_handoff.requeue': 'ส่งการสนทนากลับเข้าคิว',

      hoursTitle: 'เวลาทำการ',
      hoursIntro: 'ช่วงเวลาที่เจ้าหน้าที่ตอบแชตสด นอกเวลานี้และในวันหยุด ประชาชนฝากคำถามไว้ให้เจ้าหน้าที่ตอบในวันทำการถัดไป',
      hoursStatus: 'สถานะตอนนี้',
      openNow: 'เปิดทำการอยู่',
      closedNow: 'ปิดทำการอยู่',
      nextOpeningAt: 'เปิดทำการครั้งถัดไป: {when}',
      noNextOpening: 'ไม่มีเวลาทำการภายในหนึ่งปีข้างหน้า',
      weeklyTitle: 'เวลาทำการแต่ละวัน',
      colDay: 'วัน',
      colHours: 'เวลาทำการ',
      closedDay: 'ปิด',
      day_0: 'วันอาทิตย์',
      day_1: 'วันจันทร์',
      day_2: 'วันอังคาร',
      day_3: 'วันพุธ',
      day_4: 'วันพฤหัสบดี',
      day_5: 'วันศุกร์',
      day_6: 'วันเสาร์',
      dayHoursHint: 'เช่น 08:30–16:30 หรือหลายช่วงคั่นด้วยจุลภาค เช่น 08:30–12:00, 13:00–16:30 (ไม่เกิน 4 ช่วง) เว้นว่างไว้ถ้าปิดทั้งวัน',
      holidaysTitle: 'วันหยุด',
      holidaysHint: 'ในวันหยุดไม่มีแชตสด ประชาชนฝากคำถามไว้ได้',
      upcomingHolidays: 'วันหยุดที่กำลังจะมาถึง',
      noUpcomingHolidays: 'ไม่มีวันหยุดที่กำลังจะมาถึงในรายการ',
      pastHolidays: 'วันหยุดที่ผ่านมาแล้ว ({count} วัน)',
      colDate: 'วันที่',
      colNameTh: 'ชื่อภาษาไทย',
      colNameEn: 'ชื่อภาษาอังกฤษ',
      colEstimate: 'วันที่โดยประมาณ',
      colHoliday: 'ชื่อวันหยุด',
      colNote: 'หมายเหตุ',
      colActions: 'จัดการ',
      estimate: 'วันที่โดยประมาณ',
      estimateHint: '“วันที่โดยประมาณ” คือวันที่ยังขึ้นกับปฏิทินจันทรคติหรือมติคณะรัฐมนตรีที่ยังไม่ประกาศ',
      rowField: '{field} (วันหยุดแถวที่ {n})',
      holidayRow: 'วันหยุดแถวที่ {n}',
      addHoliday: 'เพิ่มวันหยุด',
      removeHoliday: 'ลบ',
      removeHolidayRow: 'ลบวันหยุดแถวที่ {n}',
      holidayRemoved: 'นำวันหยุดออกจากรายการแล้ว กด “บันทึกเวลาทำการ” เพื่อยืนยัน',
      saveHours: 'บันทึกเวลาทำการ',
      hoursSaved: 'บันทึกเวลาทำการแล้ว',
      hoursReadOnly: 'เฉพาะผู้ดูแลระบบที่แก้ไขเวลาทำการและวันหยุดได้',
      hoursRefused: 'ระบบไม่รับเวลาทำการนี้:',
      hoursInvalid: 'ยังไม่ได้บันทึก กรุณาแก้ไขรายการต่อไปนี้',
      errSpanFormat: 'เขียนแต่ละช่วงแบบ 08:30–16:30 (ชั่วโมง:นาที ตั้งแต่ 00:00 ถึง 23:59)',
      errSpanOrder: 'ช่วง {span} เวลาเริ่มต้องมาก่อนเวลาสิ้นสุด',
      errTooManySpans: 'ใส่ได้ไม่เกิน 4 ช่วงต่อวัน',
      errNoOpening: 'ต้องมีเวลาทำการอย่างน้อยหนึ่งช่วงในสัปดาห์',
      errDate: 'กรุณาใส่วันที่ให้ครบ',
      errDateTwice: 'วันที่นี้มีอยู่แล้วในรายการวันหยุด',
      errNameTh: 'กรุณาใส่ชื่อวันหยุดภาษาไทย',
      errNameEn: 'กรุณาใส่ชื่อวันหยุดภาษาอังกฤษ',
      errNameLong: 'ชื่อยาวเกิน 200 ตัวอักษร',
      errTooManyHolidays: 'ใส่วันหยุดได้ไม่เกิน 400 วัน',
      longDay: '{weekday}ที่ {day} {month} {year}',
      longDayTime: '{date} เวลา {time} น.',

      sound: 'เสียงเตือน',
      soundOnLabel: 'เสียงเตือนเมื่อมีรายการใหม่',
      enableNotifications: 'เปิดการแจ้งเตือน',
      notificationTitleLive: 'ประชาชนรอคุยกับเจ้าหน้าที่',
      notificationTitleQuestion: 'มีคำถามฝากไว้ใหม่',
      announceLive: 'ประชาชนรอคุยกับเจ้าหน้าที่: {centre}',
      announceQuestion: 'มีคำถามฝากไว้ใหม่: {centre}',
      reconnecting: 'การอัปเดตสดขาดหาย กำลังเชื่อมต่อใหม่…',

      genericError: 'ทำรายการไม่สำเร็จ กรุณาลองใหม่',
      networkError: 'ติดต่อระบบไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองใหม่',
      forbidden: 'คุณไม่มีสิทธิ์ทำรายการนี้',
      tooLarge: 'ไฟล์ใหญ่เกินไป',
      storageFull: 'ระบบเก็บรูปภาพเพิ่มไม่ได้ในขณะนี้ (ถึงขีดจำกัดพื้นที่) รูปนี้ไม่ได้ถูกส่ง กรุณาส่งเป็นข้อความหรือลิงก์แทน',
      unsupportedMedia: 'ระบบไม่รับไฟล์ประเภทนี้',
      badRequest: 'ข้อมูลไม่ถูกต้อง',
    },
    en: {
      pageTitle: 'Damrongdham Center · Officers',
      appName: 'Damrongdham Center · Officers',
      skipToContent: 'Skip to content',
      navLabel: 'Main menu',
      navQueue: 'Queue',
      navComplaints: 'Find a complaint',
      navAccounts: 'Officer accounts',
      navHours: 'Office hours',
      navAudit: 'Audit log',
      languageLabel: 'Page language',
      loading: 'Loading…',
      detailLabel: 'Details',

      signInTitle: 'Officer sign-in',
      username: 'Username',
      password: 'Password',
      signIn: 'Sign in',
      signOut: 'Sign out',
      signedInAs: '{name} · {role}',
      invalidCredentials: 'Wrong username or password. (After many wrong passwords, signing in to an account is paused for a few minutes.)',
      tooManyAttempts: 'Too many sign-in attempts from this network. Please wait a moment and try again.',
      fillBoth: 'Please enter your username and password.',
      sessionEnded: 'Your session has ended. Please sign in again.',

      passwordTitle: 'Set a new password',
      passwordIntro: 'This account has a one-time password. Set a new password before you start.',
      passwordIntroVoluntary: 'Enter your current password, then choose a new one.',
      changePassword: 'Change password',
      currentPassword: 'Current password',
      newPassword: 'New password',
      passwordRule: 'At least 12 characters, and not containing your username.',
      confirmPassword: 'New password again',
      savePassword: 'Save password',
      passwordMismatch: 'The two new passwords are not the same.',
      passwordTooShort: 'The new password needs at least 12 characters.',
      passwordTooLong: 'The new password is too long (256 characters at most).',
      passwordContainsUsername: 'The new password must not contain your username.',
      passwordSame: 'The new password must differ from the current one.',
      passwordCurrentWrong: 'The current password is wrong.',
      passwordChanged: 'Password changed.',
      cancel: 'Cancel',

      queueTitle: 'Queue',
      scopeAll: 'All centres',
      scopeSome: 'Your centres: {centres}',
      liveSection: 'Live chats',
      liveSectionHint: 'Citizens waiting to talk to an officer now',
      questionSection: 'Questions left after hours',
      questionSectionHint: 'Answer any time: the citizen gets the answer on the channel they asked on.',
      queueEmptyLive: 'Nobody is waiting.',
      queueEmptyQuestions: 'No questions waiting.',
      stateQueued: 'Waiting',
      stateLiveWith: 'Live with {name}',
      stateLiveWithYou: 'Live with you',
      stateAnsweredBy: 'Answered by {name}',
      stateAnsweredByYou: 'Answered by you',
      stateClosed: 'Closed',
      stateBot: 'Back with the assistant',
      stateGone: 'No longer in your queue',
      anotherOfficer: 'another officer',
      waited: 'Waiting {duration}',
      kindLive: 'Live chat',
      kindQuestion: 'Question left',
      channelWeb: 'Web chat',
      channelMessenger: 'Messenger',
      channelLine: 'LINE',
      langTh: 'Thai',
      langEn: 'English',
      newMessages: 'New messages',
      lessThanMinute: 'under 1 min',
      minutes: '{m} min',
      hoursMinutes: '{h} h {m} min',
      daysHours: '{d} d {h} h',

      fieldCentre: 'Centre',
      fieldChannel: 'Channel',
      fieldLanguage: "Citizen's language",
      fieldKind: 'Kind',
      fieldState: 'State',
      fieldReason: 'Reason',
      noReason: '(no reason given)',
      fieldRequested: 'Asked at',
      fieldWaiting: 'Waiting',

      chooseConversation: 'Choose an item in the queue to open the conversation.',
      conversationTitle: 'Conversation',
      notFound: 'Conversation not found, or not in your centres.',
      backToQueue: 'Back to the queue',
      claim: 'Claim',
      claimed: 'Claimed: you can reply to the citizen now.',
      alreadyClaimed: 'Another officer claimed this conversation first.',
      notYours: 'You have not claimed this conversation, so you cannot reply yet.',
      claimToReply: 'Claim the conversation to reply to the citizen.',
      handledByOther: '{name} is handling this conversation.',
      history: 'History',
      noMessages: 'No messages yet.',
      speakerCitizen: 'Citizen',
      speakerBot: 'Assistant (bot)',
      speakerOfficer: 'Officer',
      speakerOfficerNamed: '{name} (officer)',
      speakerSystem: 'System',
      imageAlt: 'Attached image',
      attachmentCard: "The assistant's card (buttons and text)",
      attachmentFile: 'Attachment',
      undeliverable: 'Not delivered to the citizen',
      undeliverableWhy: 'Not delivered to the citizen ({reason})',
      pendingDelivery: 'Sending…',
      systemRequestLive: 'The citizen asked for an officer (live chat): {centre}',
      systemRequestQuestion: 'The citizen left a question (after hours): {centre}',
      systemUndeliverable: 'A notice to the citizen could not be delivered',
      systemClaim: 'Claimed by {name}',
      systemTransfer: '{name} transferred it from the {from} to the {to}',
      systemClose: '{name} closed the conversation',
      systemIdleClose: 'Closed automatically after a long silence',
      systemAnsweredClose: 'Question answered; closed automatically when nothing more was written',
      systemRequeue: 'Back in the queue: {name} can no longer take it',
      systemWithdraw: 'The citizen stopped waiting',
      systemCitizenLeft: 'The citizen left the conversation',
      systemToQuestion: 'The citizen chose to leave a question instead of waiting',
      systemOffer: 'Nobody claimed it in time: the citizen was offered to leave a question instead',

      reply: 'Reply to the citizen',
      replyText: 'Message',
      replyHint: 'Ctrl+Enter sends',
      replyLink: 'Link (optional)',
      replyImage: 'Image (optional)',
      replyImageHint: 'JPEG, PNG, GIF or WebP, at most 10 MB',
      removeImage: 'Remove the image',
      chooseImage: 'Choose an image…',
      noImage: 'No image chosen',
      send: 'Send',
      sending: 'Sending…',
      replyEmpty: 'Type a message, attach an image or give a link first.',
      replyTooLong: 'The message is longer than 4,000 characters.',
      linkInvalid: 'A link starts with http:// or https://',
      imageInvalid: 'Only JPEG, PNG, GIF or WebP images can be attached.',
      imageTooLarge: 'The image must be 10 MB or smaller.',
      sentUndeliverable: 'Message saved, but it could not be delivered to the citizen.',
      canned: 'Canned answers',
      cannedChoose: 'Choose an answer…',
      cannedInsert: 'Put in the message box',
      cannedHint: "Inserted in {lang}, the citizen's language.",

      transfer: 'Transfer to another centre',
      transferSearch: 'Find a centre (name or code)',
      transferCode: 'Centre code',
      transferCodeHint: 'For example 50 (Chiang Mai province) or 5001 (Mueang Chiang Mai district)',
      transferSubmit: 'Transfer',
      transferNoMatch: 'No centre matches.',
      transferResults: 'Matching centres',
      transferChosen: 'Chosen: {name}',
      transferChooseFirst: 'Choose the centre first.',
      transferred: 'Transferred to {name}.',
      unknownCentre: 'There is no centre with this code.',

      close: 'Close the conversation',
      closeConfirm: 'Close this conversation? The citizen is told, and the assistant takes over.',
      closeYes: 'Yes, close it',
      closed: 'Conversation closed: the citizen was told and is back with the assistant.',
      gone: 'This conversation has left your queue.',

      complaintLookupTitle: 'Find a complaint',
      trackingNumber: 'Tracking number',
      trackingNumberHint: 'For example DD-2569-7K3Q9XR',
      find: 'Find',
      complaintNotFound: 'No complaint with this number, or not in your centres.',
      complaintOfConversation: "This conversation's complaint",
      openComplaint: 'Open complaint {number}',
      complaintTitle: 'Complaint {number}',
      cStatus: 'Status',
      cCategory: 'Category',
      cDestination: 'Sent to',
      cSubject: 'Subject',
      cDescription: 'Description',
      cAttachments: 'Attachments',
      cPlace: 'Where',
      cWhen: 'When',
      cWhenApprox: 'about',
      cWhenWeek: 'the week from',
      cContact: 'Complainant',
      cAnonymous: 'Anonymous',
      cName: 'Name',
      cPhone: 'Phone',
      cEmail: 'E-mail',
      cNationalId: 'National ID',
      cLanguage: "Complainant's language",
      cCreated: 'Filed',
      cUpdated: 'Last updated',
      timeline: 'Timeline',
      timelineBy: 'by {name}',
      actorCitizen: 'the complainant',
      actorOfficer: 'an officer',
      actorSystem: 'the system',
      actorAgency: 'the agency',
      statusChange: 'Change the status',
      newStatus: 'New status',
      statusNote: 'Note to the complainant',
      statusNoteHint: 'The complainant is sent this note with the new status, on the channel they filed on (1–1,000 characters).',
      saveStatus: 'Save and tell the complainant',
      statusSaved: 'Status saved, and the complainant was told.',
      statusSavedNotNotified: 'Status saved, but the message to the complainant could not be delivered; they will see the new status when they track the complaint.',
      noteRequired: 'Please write a note to the complainant (1–1,000 characters).',
      status_received: 'Received',
      status_forwarded: 'Forwarded to the agency',
      status_in_progress: 'In progress',
      status_resolved: 'Resolved',
      status_closed: 'Closed',
      status_rejected: 'Not accepted',

      accountsTitle: 'Officer accounts',
      colUsername: 'Username',
      colDisplayName: 'Display name',
      colRole: 'Role',
      colCentres: 'Centres',
      colPassword: 'Password',
      mustChange: 'One-time password not yet changed',
      passwordSet: 'Set',
      role_officer: 'Officer',
      role_supervisor: 'Supervisor',
      role_admin: 'Administrator',
      allCentres: 'All centres',
      createAccount: 'Add an officer account',
      displayName: 'Display name',
      role: 'Role',
      centres: 'Centre codes',
      centresHint: 'Separated by commas, e.g. 50, 5001. Supervisors: province codes. Administrators: none.',
      usernameHint: '3–32 characters: lower-case a–z, digits, dots, dashes or underscores',
      create: 'Create the account',
      oneTimePassword: 'One-time password for {username}',
      oneTimeNote: 'Shown only once. Hand it over by a safe channel; the officer must set a new password at first sign-in.',
      copy: 'Copy',
      copied: 'Copied',
      accountInvalid: 'The account details are not valid.',
      usernameTaken: 'This username is already taken.',
      centresRequired: 'Officers and supervisors need at least one centre.',
      colAccountStatus: 'Account',
      accountActive: 'Enabled',
      accountDisabled: 'Disabled',
      edit: 'Edit',
      editAccountOf: 'Edit {username}',
      editAccountTitle: 'Edit the account {username}',
      accountEnabled: 'Account enabled',
      accountEnabledHint: 'Untick to sign this officer out at once; they cannot sign in until the account is enabled again.',
      ownAccountNote: 'This is your own account: you cannot change its role, disable it or give it a new one-time password. Change your password with “Change password” at the top.',
      saveAccount: 'Save changes',
      accountSaved: 'Changes to {username} saved.',
      accountSavedDisabled: '{username} is disabled and has been signed out.',
      accountSavedEnabled: '{username} is enabled and can sign in again.',
      noChanges: 'Nothing has been changed yet.',
      displayNameRequired: 'Please give a display name (1–100 characters).',
      ownAccountRefused: 'You cannot change the role of your own account or disable it.',
      accountNotFound: 'This account no longer exists.',
      unknownCentres: 'There is no centre with the code {codes}.',
      roleInvalid: 'The role must be officer, supervisor or administrator.',
      accountRefused: 'The service refused this change:',
      resetPassword: 'New one-time password',
      resetConfirm: 'Give {username} a new one-time password? Their current password stops working and they are signed out everywhere at once.',
      resetYes: 'Yes, make a new one-time password',
      newOneTimePassword: 'New one-time password for {username}',
      oneTimeResetNote: 'Shown only once. Hand it over by a safe channel; the officer must set a new password at their next sign-in.',

      auditTitle: 'Audit log',
      auditIntro: "Every officer's actions, including opening a conversation or a complaint. Newest first.",
      auditFilters: 'Filter the entries',
      auditActor: 'Who',
      auditEveryone: 'Everyone',
      auditTarget: 'Target',
      auditTargetHint: 'For example a tracking number, DD-2569-7K3Q9XR',
      auditApply: 'Show entries',
      auditLoadMore: 'Load more',
      auditEmpty: 'No entries',
      auditCount: '{count} entries shown',
      colAuditTime: 'Time',
      colAuditWho: 'Who',
      colAuditWhat: 'What',
      colAuditTarget: 'Target',
      colAuditDetails: 'Details',
      auditSystem: 'System',
      auditAnonymous: 'Unknown user',
      'audit_session.start': 'Signed in',
      'audit_session.end': 'Signed out',
      'audit_session.failed': 'Sign-in failed',
      'audit_session.locked': 'Sign-in refused: the account is locked',
      'audit_account.password': 'Changed their own password',
      'audit_account.create': 'Created an officer account',
      'audit_account.update': 'Changed an officer account',
      'audit_account.resetPassword': 'Gave an account a new one-time password',
      'audit_account.settings': 'Changed their own settings',
      'audit_content.officeHours': 'Changed the office hours and holidays',
      'audit_content.canned.create': 'Added a canned answer',
      'audit_content.canned.update': 'Edited a canned answer',
      'audit_content.canned.delete': 'Deleted a canned answer',
      'audit_complaint.status': "Changed a complaint's status",
      'audit_complaint.view': 'Opened a complaint',
      'audit_handoff.view': 'Opened a conversation',
      'audit_handoff.claim': 'Claimed a conversation',
      'audit_handoff.reply': 'Replied to the citizen',
      'audit_handoff.note': 'Wrote an internal note',
      'audit_handoff.transfer': 'Transferred to another centre',
      'audit_handoff.close': 'Closed a conversation',
      'audit_handoff.idleClose': 'Closed automatically after a long silence',
      'audit_handoff.answeredClose': 'Closed an answered question automatically',
      'audit_handoff.requeue': 'Put a conversation back in the queue',

      hoursTitle: 'Office hours',
      hoursIntro: 'When officers answer live chats. Outside these hours and on holidays, citizens can leave a question that officers answer on the next working day.',
      hoursStatus: 'Right now',
      openNow: 'Open now',
      closedNow: 'Closed now',
      nextOpeningAt: 'Opens next: {when}',
      noNextOpening: 'No opening within the next year.',
      weeklyTitle: 'Weekly hours',
      colDay: 'Day',
      colHours: 'Hours',
      closedDay: 'Closed',
      day_0: 'Sunday',
      day_1: 'Monday',
      day_2: 'Tuesday',
      day_3: 'Wednesday',
      day_4: 'Thursday',
      day_5: 'Friday',
      day_6: 'Saturday',
      dayHoursHint: 'For example 08:30–16:30, or several separated by commas: 08:30–12:00, 13:00–16:30 (4 at most). Leave empty for a closed day.',
      holidaysTitle: 'Holidays',
      holidaysHint: 'No live chats on holidays; citizens can leave a question.',
      upcomingHolidays: 'Upcoming holidays',
      noUpcomingHolidays: 'No upcoming holidays in the list.',
      pastHolidays: 'Past holidays ({count})',
      colDate: 'Date',
      colNameTh: 'Thai name',
      colNameEn: 'English name',
      colEstimate: 'Estimated date',
      colHoliday: 'Holiday',
      colNote: 'Note',
      colActions: 'Actions',
      estimate: 'Estimated date',
      estimateHint: '“Estimated date”: the date depends on a lunar date or a Cabinet decision not yet announced.',
      rowField: '{field} (holiday row {n})',
      holidayRow: 'Holiday row {n}',
      addHoliday: 'Add a holiday',
      removeHoliday: 'Remove',
      removeHolidayRow: 'Remove holiday row {n}',
      holidayRemoved: 'Holiday taken off the list. Press “Save office hours” to confirm.',
      saveHours: 'Save office hours',
      hoursSaved: 'Office hours saved',
      hoursReadOnly: 'Only administrators can change the office hours and holidays.',
      hoursRefused: 'The service refused these office hours:',
      hoursInvalid: 'Not saved yet. Please correct the following:',
      errSpanFormat: 'Write each opening as 08:30–16:30 (hours:minutes, 00:00 to 23:59).',
      errSpanOrder: 'In {span}, the start must be before the end.',
      errTooManySpans: 'At most 4 openings a day.',
      errNoOpening: 'The week needs at least one opening.',
      errDate: 'Please give a complete date.',
      errDateTwice: 'This date is already in the holiday list.',
      errNameTh: 'Please give the Thai name of the holiday.',
      errNameEn: 'Please give the English name of the holiday.',
      errNameLong: 'The name is longer than 200 characters.',
      errTooManyHolidays: 'At most 400 holidays.',
      longDay: '{weekday}, {day} {month} {year}',
      longDayTime: '{date}, {time}',

      sound: 'Sound',
      soundOnLabel: 'Sound for new items',
      enableNotifications: 'Turn on notifications',
      notificationTitleLive: 'A citizen is waiting for an officer',
      notificationTitleQuestion: 'A new question was left',
      announceLive: 'A citizen is waiting for an officer: {centre}',
      announceQuestion: 'A new question was left: {centre}',
      reconnecting: 'Live updates interrupted; reconnecting…',

      genericError: 'That did not work. Please try again.',
      networkError: 'The service cannot be reached. Please check your internet connection and try again.',
      forbidden: 'You are not allowed to do this.',
      tooLarge: 'The file is too large.',
      storageFull: 'The service cannot keep more photos at the moment (its storage limit is reached). This photo was not sent; send text or a link instead.',
      unsupportedMedia: 'This kind of file is not accepted.',
      badRequest: 'Something in the request is not valid.',
    },
  };

  const LOCALES = { th: 'th-TH', en: 'en-GB' };
  const STORAGE_KEYS = { lang: 'damrongdham.officer.lang', sound: 'damrongdham.officer.sound' };
  const API = '/api/officer';
  const STATUSES = ['received', 'forwarded', 'in_progress', 'resolved', 'closed', 'rejected'];
  const ROLES = ['officer', 'supervisor', 'admin'];
  const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
  /*
   * The path of the service's own file route (bot/channels/directline/fileLinks.ts): the only addresses the app
   * loads as images. Any other address on this origin could be an officer API that the browser would call with
   * the officer's cookie — and a citizen chose it.
   */
  const FILE_PATH = /^\/v3\/directline\/conversations\/[A-Za-z0-9_-]{8,64}\/files\/[A-Za-z0-9_-]{1,64}$/;
  const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
  const MAX_REPLY = 4000;
  const MAX_NOTE = 1000;
  /* The audit log is read a page at a time: the service gives at most 200 entries a call. */
  const AUDIT_PAGE = 100;
  /* The audit log's action codes the app puts into words (TEXTS audit_<code>); any other code is shown as it is. */
  const AUDIT_ACTIONS = [
    'session.start',
    'session.end',
    'session.failed',
    'session.locked',
    'account.password',
    'account.create',
    'account.update',
    'account.resetPassword',
    'account.settings',
    'content.officeHours',
    'content.canned.create',
    'content.canned.update',
    'content.canned.delete',
    'complaint.status',
    'complaint.view',
    'handoff.view',
    'handoff.claim',
    'handoff.reply',
    'handoff.note',
    'handoff.transfer',
    'handoff.close',
    'handoff.idleClose',
    'handoff.answeredClose',
    'handoff.requeue',
  ];
  /* The limits the service puts on a calendar (lib/handoff/officeHours.ts), checked here first to say what is wrong in words. */
  const MAX_SPANS_PER_DAY = 4;
  const MAX_HOLIDAYS = 400;
  const MAX_HOLIDAY_NAME = 200;
  /* The API's `weekly` is Sunday first (0 = Sunday, as Date numbers days); Thai offices read the week from Monday. */
  const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
  /* The stream pings every 25 seconds: two missed pings mean the socket is dead even if the browser has not noticed. */
  const STREAM_SILENCE_MS = 60 * 1000;
  const RECONNECT_MIN_MS = 1000;
  const RECONNECT_MAX_MS = 30 * 1000;
  const MINUTE = 60 * 1000;

  /* ---------- Small helpers ---------- */

  function readSetting(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function writeSetting(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      /* Storage switched off: the choice holds until the page is closed. */
    }
  }

  const state = {
    lang: readSetting(STORAGE_KEYS.lang) === 'en' ? 'en' : 'th',
    sound: readSetting(STORAGE_KEYS.sound) !== 'off',
    /* The signed-in officer: { officer, csrfToken, scope } as the API gives it. */
    session: null,
    queue: new Map(),
    /* Conversations in the queue with messages from the citizen that the officer has not opened since. */
    unread: new Set(),
    canned: [],
    /* [{ code, th, en }] when the service lists centres; null when only codes can be typed. */
    centres: null,
    route: { name: 'queue' },
    /* The open conversation: { id, item, messages, complaint, notFound, notice }. */
    conversation: null,
    /* The complaint open on its own: { number, complaint, notFound }. */
    complaint: null,
    accounts: null,
    /*
     * The office hours screen: { data: { calendar, openNow, nextOpening }, draft, noticeKey }. `draft` holds an
     * admin's unsaved edits while the screen is redrawn (another language); null shows the service's calendar.
     */
    hours: null,
    /* The one-time password just made (a new account, or a new one for an account), shown once: { username, password, reset }. */
    oneTime: null,
    /* The account an admin is editing: { id, draft } (draft: the fields as typed, kept while the screen is redrawn). */
    accountEdit: null,
    /* What the last change to an account did, shown above the editor: { key, vars, error }. */
    accountsNotice: null,
    /*
     * The audit log screen: { officers, filter: { actor, target }, draft, entries, more, loading, loadingMore,
     * error, moreError, serial }. `filter` is what the entries shown were asked with; `draft` the filter fields as
     * typed but not yet applied, kept while the screen is redrawn (another language).
     */
    audit: null,
    voluntaryPasswordChange: false,
  };

  function t(key, vars) {
    const text = TEXTS[state.lang][key];
    if (text === undefined) return key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : match;
    });
  }

  /*
   * Builds an element. Children that are strings become text nodes, so whatever they hold is shown as text.
   * Attributes are set one by one through the DOM; `on*` attributes are refused, events go through `on`.
   */
  function h(tag, attributes, children) {
    const element = document.createElement(tag);
    const attrs = attributes || {};
    Object.keys(attrs).forEach(function (name) {
      const value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'on') {
        Object.keys(value).forEach(function (event) {
          element.addEventListener(event, value[event]);
        });
      } else if (name === 'class') {
        element.className = value;
      } else if (/^on/i.test(name)) {
        throw new Error('Event handlers are attached with "on", never as attributes');
      } else if (value === true) {
        element.setAttribute(name, '');
      } else {
        element.setAttribute(name, String(value));
      }
    });
    append(element, children);
    return element;
  }

  function append(element, children) {
    if (children === undefined || children === null || children === false) return;
    if (Array.isArray(children)) {
      children.forEach(function (child) {
        append(element, child);
      });
      return;
    }
    element.appendChild(typeof children === 'string' || typeof children === 'number' ? document.createTextNode(String(children)) : children);
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function centreName(item) {
    const name = item && item.centreName;
    if (name && typeof name === 'object') return name[state.lang] || name.th || item.centreCode;
    const listed = findCentre(item && item.centreCode);
    return listed ? listed[state.lang] : (item && item.centreCode) || '';
  }

  function findCentre(code) {
    if (!state.centres || !code) return undefined;
    for (let i = 0; i < state.centres.length; i += 1) if (state.centres[i].code === code) return state.centres[i];
    return undefined;
  }

  function bilingual(value) {
    if (value && typeof value === 'object') return value[state.lang] || value.th || value.en || '';
    return value === undefined || value === null ? '' : String(value);
  }

  function formatDuration(ms) {
    const minutes = Math.max(0, Math.floor(ms / MINUTE));
    if (minutes < 1) return t('lessThanMinute');
    if (minutes < 60) return t('minutes', { m: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return t('hoursMinutes', { h: hours, m: minutes % 60 });
    return t('daysHours', { d: Math.floor(hours / 24), h: hours % 24 });
  }

  function toTime(value) {
    if (typeof value === 'number') return value;
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }

  /* Times are Bangkok's wherever the officer's computer is; the Thai format counts years in the Buddhist era. */
  function formatDateTime(value) {
    const time = toTime(value);
    if (time === undefined) return '';
    return new Intl.DateTimeFormat(LOCALES[state.lang], { timeZone: 'Asia/Bangkok', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
  }

  function formatTime(value) {
    const time = toTime(value);
    if (time === undefined) return '';
    const sameDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(time)) === new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
    return sameDay
      ? new Intl.DateTimeFormat(LOCALES[state.lang], { timeZone: 'Asia/Bangkok', timeStyle: 'short' }).format(new Date(time))
      : formatDateTime(time);
  }

  function channelName(channelId) {
    switch (channelId) {
      case 'directline':
      case 'webchat':
        return t('channelWeb');
      case 'facebook':
        return t('channelMessenger');
      case 'line':
        return t('channelLine');
      default:
        return channelId || '';
    }
  }

  function languageName(lang) {
    return lang === 'en' ? t('langEn') : t('langTh');
  }

  function isMine(item) {
    return Boolean(item && state.session && item.officerId && item.officerId === state.session.officer.id);
  }

  function isAdmin() {
    return Boolean(state.session && state.session.officer.role === 'admin');
  }

  function stateLabel(item) {
    if (item.state === 'queued') return t('stateQueued');
    /* An answered question waits for nothing: it is no live chat (it closes by itself once quiet). */
    if (item.state === 'live' && item.answeredAt) return isMine(item) ? t('stateAnsweredByYou') : t('stateAnsweredBy', { name: item.officerName || t('anotherOfficer') });
    if (item.state === 'live') return isMine(item) ? t('stateLiveWithYou') : t('stateLiveWith', { name: item.officerName || t('anotherOfficer') });
    if (item.state === 'closed') return t('stateClosed');
    if (item.state === 'bot') return t('stateBot');
    return String(item.state || '');
  }

  /* Only http(s) URLs become links or images; anything else stays text. */
  function safeUrl(value) {
    if (typeof value !== 'string' || value === '') return undefined;
    try {
      const url = new URL(value, window.location.origin);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
    } catch (error) {
      return undefined;
    }
  }

  function externalLink(url, label) {
    return h('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', class: 'link' }, label || url.href);
  }

  /* Text with its http(s) addresses as links: built from text nodes and anchors, never parsed as markup. */
  function linkified(text) {
    const fragment = document.createDocumentFragment();
    const pattern = /https?:\/\/[^\s<>"'{}|\\^`]+/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      let raw = match[0];
      const trailing = /[.,;:!?)\]]+$/.exec(raw);
      if (trailing) raw = raw.slice(0, raw.length - trailing[0].length);
      const url = safeUrl(raw);
      if (!url) continue;
      fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
      fragment.appendChild(externalLink(url, raw));
      last = match.index + raw.length;
      pattern.lastIndex = last;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function announce(text) {
    const announcer = byId('announcer');
    announcer.textContent = '';
    /* A fresh text a moment later is announced again even if it is the same as the last one. */
    window.setTimeout(function () {
      announcer.textContent = text;
    }, 50);
  }

  /* ---------- The API ---------- */

  /* The service's error: its code, and the details that code carries (lib/contract/officer/errors.ts). */
  function ApiError(status, code, message, details) {
    this.status = status;
    this.code = code;
    this.message = message;
    this.details = details || {};
  }

  async function api(method, path, body, options) {
    const opts = options || {};
    const headers = {};
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (method !== 'GET' && state.session && state.session.csrfToken) headers['x-csrf-token'] = state.session.csrfToken;
    let response;
    try {
      response = await fetch(API + path, { method: method, headers: headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
    } catch (error) {
      throw new ApiError(0, 'Network', '');
    }
    if (response.status === 204) return {};
    let data = {};
    const type = response.headers.get('content-type') || '';
    if (/json/.test(type)) {
      try {
        data = await response.json();
      } catch (error) {
        data = {};
      }
    }
    if (response.ok) return data;
    const error = (data && data.error) || {};
    const failure = new ApiError(response.status, error.code || String(response.status), error.message || '', error.details);
    if (!opts.quiet) {
      if (failure.code === 'unauthenticated' || (response.status === 401 && !opts.signingIn)) {
        sessionEnded();
      } else if (failure.code === 'password-change-required') {
        if (state.session) state.session.officer.mustChangePassword = true;
        showPasswordView(false);
      } else if (failure.code === 'csrf' && !opts.retried) {
        /* The token may have been renewed by another tab: fetch the session's token and try once more. */
        const session = await api('GET', '/session', undefined, { quiet: true }).catch(function () {
          return null;
        });
        if (session && session.csrfToken) {
          state.session.csrfToken = session.csrfToken;
          return api(method, path, body, Object.assign({}, opts, { retried: true }));
        }
      }
    }
    throw failure;
  }

  /* What an officer reads when a call fails: the app's own words for every answer the API gives. */
  function errorText(error) {
    if (!(error instanceof ApiError)) return t('genericError');
    const details = error.details || {};
    switch (error.code) {
      case 'Network':
        return t('networkError');
      case 'invalid-credentials':
        return t('invalidCredentials');
      case 'not-found':
        return t('notFound');
      case 'conflict':
        if (details.conflict === 'already-claimed') return t('alreadyClaimed');
        if (details.conflict === 'not-yours') return t('notYours');
        if (details.conflict === 'username-taken') return t('usernameTaken');
        break;
      case 'unknown-centre':
        return t('unknownCentre');
      case 'unauthenticated':
        return t('sessionEnded');
      case 'quota-exceeded':
        return t('storageFull');
      case 'validation':
        if (details.rule === 'too-short') return t('passwordTooShort');
        if (details.rule === 'too-long' && (details.field === 'next' || details.field === 'password')) return t('passwordTooLong');
        if (details.rule === 'contains-username') return t('passwordContainsUsername');
        if (details.rule === 'same-as-before') return t('passwordSame');
        if (details.rule === 'wrong-password') return t('passwordCurrentWrong');
        break;
      default:
        break;
    }
    switch (error.status) {
      case 429:
        return t('tooManyAttempts');
      case 403:
        return t('forbidden');
      case 413:
        return t('tooLarge');
      case 415:
        return t('unsupportedMedia');
      case 400:
        return t('badRequest') + ' (' + error.code + ')';
      default:
        return t('genericError') + ' (' + error.code + ')';
    }
  }

  /* ---------- Sound and notifications ---------- */

  let audio = null;

  /* Browsers let a page make sound only after the person has used it: the first click or key unlocks it. */
  function unlockAudio() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      if (!audio) audio = new Context();
      if (audio.state === 'suspended') audio.resume().catch(function () {});
    } catch (error) {
      audio = null;
    }
  }

  /* Two short rising tones, made on the spot: no sound file is fetched. */
  function chime() {
    if (!state.sound) return;
    unlockAudio();
    if (!audio) return;
    try {
      const start = audio.currentTime + 0.02;
      [880, 1318.5].forEach(function (frequency, index) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        const at = start + index * 0.16;
        oscillator.type = 'sine';
        oscillator.frequency.setValueAtTime(frequency, at);
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.14);
        oscillator.connect(gain);
        gain.connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + 0.15);
      });
    } catch (error) {
      /* No sound; the queue, the announcement and the notification still tell. */
    }
  }

  function notificationsSupported() {
    return typeof window.Notification === 'function';
  }

  function updateNotifyButton() {
    const button = byId('notify-button');
    button.hidden = !state.session || !notificationsSupported() || window.Notification.permission !== 'default';
  }

  async function askNotificationPermission() {
    if (!notificationsSupported()) return;
    try {
      await window.Notification.requestPermission();
    } catch (error) {
      /* Refused or unavailable: the sound and the queue remain. */
    }
    updateNotifyButton();
  }

  function notify(item) {
    if (!notificationsSupported() || window.Notification.permission !== 'granted') return;
    try {
      const notification = new window.Notification(t(item.kind === 'question' ? 'notificationTitleQuestion' : 'notificationTitleLive'), {
        body: centreName(item) + (item.reason ? ' — ' + item.reason : ''),
        tag: 'officer-queue-' + item.id,
        lang: state.lang,
      });
      notification.onclick = function () {
        window.focus();
        window.location.hash = conversationHash(item.id);
        notification.close();
      };
    } catch (error) {
      /* Notifications failed: the sound and the queue still tell. */
    }
  }

  function newItemArrived(item) {
    chime();
    notify(item);
    announce(t(item.kind === 'question' ? 'announceQuestion' : 'announceLive', { centre: centreName(item) }));
  }

  /* ---------- The live stream ---------- */

  const stream = { socket: null, attempts: 0, timer: null, watchdog: null, lastFrameAt: 0, connectedOnce: false };

  function openStream() {
    closeStream();
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    let socket;
    try {
      socket = new WebSocket(scheme + '//' + window.location.host + API + '/stream');
    } catch (error) {
      scheduleReconnect();
      return;
    }
    stream.socket = socket;
    stream.lastFrameAt = Date.now();
    setStreamState('connecting');
    socket.addEventListener('open', function () {
      if (stream.socket !== socket) return;
      stream.attempts = 0;
      stream.lastFrameAt = Date.now();
      setConnection('');
      setStreamState('open');
      /*
       * Whatever happened before the socket opened is fetched (again): on the first opening, what arrived
       * between the first queue fetch and now; after a reconnect, everything missed while it was down.
       */
      void loadQueue();
      if (stream.connectedOnce && state.conversation && !state.conversation.notFound) void refreshConversation();
      stream.connectedOnce = true;
    });
    socket.addEventListener('message', function (event) {
      if (stream.socket !== socket) return;
      stream.lastFrameAt = Date.now();
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      handleFrame(frame);
    });
    socket.addEventListener('close', function () {
      if (stream.socket !== socket) return;
      stream.socket = null;
      setStreamState('closed');
      if (state.session) {
        setConnection(t('reconnecting'));
        scheduleReconnect();
      }
    });
    if (!stream.watchdog) {
      stream.watchdog = window.setInterval(function () {
        if (stream.socket && stream.socket.readyState === WebSocket.OPEN && Date.now() - stream.lastFrameAt > STREAM_SILENCE_MS) stream.socket.close();
        sayAttended(false);
      }, 10 * 1000);
      document.addEventListener('visibilitychange', function () {
        sayAttended(true);
      });
    }
  }

  /*
   * An officer watching the queue is at work although they click nothing: while the page is visible the app
   * says so (handoff/hub.ts, ATTENDED_FRAME), at most once a minute, and the session does not lapse for idleness.
   * A hidden or minimised app says nothing, and is signed out after 30 idle minutes.
   */
  const ATTENDED_EVERY_MS = 60 * 1000;
  let attendedAt = 0;
  function sayAttended(now) {
    if (document.visibilityState !== 'visible' || !stream.socket || stream.socket.readyState !== WebSocket.OPEN) return;
    if (!now && Date.now() - attendedAt < ATTENDED_EVERY_MS) return;
    attendedAt = Date.now();
    stream.socket.send(JSON.stringify({ type: 'attended' }));
  }

  function scheduleReconnect() {
    window.clearTimeout(stream.timer);
    const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * Math.pow(2, stream.attempts));
    /* Jitter: a restarted service is not met by every officer's browser in the same second. */
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    stream.attempts += 1;
    stream.timer = window.setTimeout(async function () {
      if (!state.session) return;
      /* A socket refused for a lapsed session would be retried forever: the session is checked first. */
      try {
        const session = await api('GET', '/session', undefined, { quiet: true });
        if (!state.session) return;
        state.session.csrfToken = session.csrfToken || state.session.csrfToken;
        /* An admin may have changed this officer's name, role or centres (the service closed the stream for it): the page follows. */
        if (session.officer && session.officer.id === state.session.officer.id) {
          state.session.officer = session.officer;
          state.session.scope = session.scope;
          renderScope();
          renderWho();
          byId('nav-accounts').hidden = !isAdmin();
          byId('nav-audit').hidden = !isAdmin();
        }
      } catch (error) {
        if (error.status === 401) {
          sessionEnded();
          return;
        }
      }
      if (state.session) openStream();
    }, delay);
  }

  function closeStream() {
    window.clearTimeout(stream.timer);
    const socket = stream.socket;
    stream.socket = null;
    if (socket) socket.close();
    setStreamState('closed');
  }

  function stopStream() {
    closeStream();
    window.clearInterval(stream.watchdog);
    stream.watchdog = null;
    stream.connectedOnce = false;
    stream.attempts = 0;
    setConnection('');
    document.documentElement.removeAttribute('data-stream');
  }

  /* The stream's state, on the root element: for styles and for the browser tests, which wait for "open". */
  function setStreamState(value) {
    document.documentElement.setAttribute('data-stream', value);
  }

  function setConnection(text) {
    byId('connection').textContent = text;
  }

  function handleFrame(frame) {
    if (!frame || typeof frame !== 'object') return;
    if (frame.type === 'queue' && frame.item && frame.item.id) {
      const known = state.queue.has(frame.item.id);
      state.queue.set(frame.item.id, frame.item);
      renderQueue();
      if (state.conversation && state.conversation.id === frame.item.id) {
        state.conversation.item = frame.item;
        renderConversationHeader();
        renderReplyArea();
      }
      if (!known && frame.item.state === 'queued') newItemArrived(frame.item);
    } else if (frame.type === 'removed' && frame.id) {
      state.queue.delete(frame.id);
      state.unread.delete(frame.id);
      renderQueue();
      if (state.conversation && state.conversation.id === frame.id && !state.conversation.closedHere) {
        state.conversation.gone = true;
        renderConversationHeader();
        renderReplyArea();
        /* Someone else moved it (another officer closed or transferred it, or the citizen withdrew). */
        if (!state.conversation.transferredHere) setNotice(t('gone'));
      }
    } else if (frame.type === 'message' && frame.id && frame.message) {
      if (state.conversation && state.conversation.id === frame.id) {
        addMessage(frame.message);
      } else if (frame.message.speaker === 'citizen' && state.queue.has(frame.id)) {
        state.unread.add(frame.id);
        renderQueue();
      }
    }
  }

  /* ---------- Views: sign-in and password ---------- */

  const VIEWS = ['boot', 'signin-view', 'password-view', 'work-view'];

  function showView(id) {
    VIEWS.forEach(function (view) {
      byId(view).hidden = view !== id;
    });
    const signedIn = Boolean(state.session) && id === 'work-view';
    byId('nav').hidden = !signedIn;
    byId('nav-accounts').hidden = !signedIn || !isAdmin();
    byId('nav-audit').hidden = !signedIn || !isAdmin();
    byId('sound-toggle').hidden = !signedIn;
    byId('password-button').hidden = !signedIn;
    byId('sign-out').hidden = !state.session;
    byId('who').hidden = !state.session;
    updateNotifyButton();
    renderWho();
  }

  function renderWho() {
    const who = byId('who');
    if (!state.session) {
      who.textContent = '';
      return;
    }
    const officer = state.session.officer;
    who.textContent = t('signedInAs', { name: officer.displayName || officer.username, role: t('role_' + officer.role) });
  }

  function showSignIn(message) {
    showView('signin-view');
    byId('signin-error').textContent = message || '';
    byId('signin-password').value = '';
    byId('signin-username').focus();
  }

  function showPasswordView(voluntary) {
    state.voluntaryPasswordChange = Boolean(voluntary);
    showView('password-view');
    byId('password-intro').textContent = t(voluntary ? 'passwordIntroVoluntary' : 'passwordIntro');
    byId('password-cancel').hidden = !voluntary;
    byId('password-error').textContent = '';
    ['password-current', 'password-next', 'password-confirm'].forEach(function (id) {
      byId(id).value = '';
    });
    byId('password-current').focus();
  }

  function sessionEnded() {
    const wasSignedIn = Boolean(state.session);
    resetSession();
    showSignIn(wasSignedIn ? t('sessionEnded') : '');
  }

  function resetSession() {
    stopStream();
    state.session = null;
    state.queue = new Map();
    state.unread = new Set();
    state.conversation = null;
    state.complaint = null;
    state.accounts = null;
    state.hours = null;
    state.oneTime = null;
    state.accountEdit = null;
    state.accountsNotice = null;
    state.audit = null;
    /* Nothing of the last officer's work stays in the page, not even hidden. */
    detail().replaceChildren();
    ['queue-live', 'queue-question'].forEach(function (id) {
      byId(id).replaceChildren();
    });
    byId('queue-scope').textContent = '';
  }

  async function signIn(event) {
    event.preventDefault();
    unlockAudio();
    const username = byId('signin-username').value.trim();
    const password = byId('signin-password').value;
    const error = byId('signin-error');
    if (!username || !password) {
      error.textContent = t('fillBoth');
      return;
    }
    const button = event.target.querySelector('button[type="submit"]');
    button.disabled = true;
    error.textContent = '';
    try {
      const session = await api('POST', '/session', { username: username, password: password }, { signingIn: true, quiet: true });
      /* A password is not left in the page once it has been used. */
      byId('signin-password').value = '';
      await startSession(session);
    } catch (failure) {
      error.textContent = errorText(failure);
      byId('signin-password').value = '';
      byId('signin-password').focus();
    } finally {
      button.disabled = false;
    }
  }

  async function changePassword(event) {
    event.preventDefault();
    const current = byId('password-current').value;
    const next = byId('password-next').value;
    const confirm = byId('password-confirm').value;
    const error = byId('password-error');
    error.textContent = '';
    if (next !== confirm) {
      error.textContent = t('passwordMismatch');
      byId('password-confirm').focus();
      return;
    }
    if (next.length < 12) {
      error.textContent = t('passwordTooShort');
      byId('password-next').focus();
      return;
    }
    if (state.session && next.toLowerCase().indexOf(state.session.officer.username.toLowerCase()) !== -1) {
      error.textContent = t('passwordContainsUsername');
      byId('password-next').focus();
      return;
    }
    const button = event.target.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await api('POST', '/password', { current: current, next: next }, { quiet: true });
      ['password-current', 'password-next', 'password-confirm'].forEach(function (id) {
        byId(id).value = '';
      });
      const session = await api('GET', '/session', undefined, { quiet: true });
      announce(t('passwordChanged'));
      await startSession(session);
    } catch (failure) {
      if (failure.status === 401) {
        sessionEnded();
        return;
      }
      error.textContent = errorText(failure);
    } finally {
      button.disabled = false;
    }
  }

  async function signOut() {
    try {
      await api('DELETE', '/session', undefined, { quiet: true });
    } catch (error) {
      /* Signed out here whatever the service answered; the session also lapses by itself. */
    }
    resetSession();
    window.location.hash = '#/';
    showSignIn('');
  }

  async function startSession(session) {
    state.session = { officer: session.officer, csrfToken: session.csrfToken, scope: session.scope };
    if (session.officer.mustChangePassword) {
      showPasswordView(false);
      return;
    }
    showView('work-view');
    renderScope();
    await Promise.all([loadQueue(), loadCanned(), loadCentres()]);
    /* Now with the centres' names. */
    renderScope();
    renderQueue();
    openStream();
    await route();
  }

  /* ---------- The queue ---------- */

  async function loadQueue() {
    try {
      const data = await api('GET', '/queue');
      const queue = new Map();
      (data.items || []).forEach(function (item) {
        queue.set(item.id, item);
      });
      state.queue = queue;
      state.unread.forEach(function (id) {
        if (!queue.has(id)) state.unread.delete(id);
      });
      renderQueue();
    } catch (error) {
      if (state.session) setConnection(errorText(error));
    }
  }

  async function loadCanned() {
    try {
      const data = await api('GET', '/canned', undefined, { quiet: true });
      state.canned = Array.isArray(data.answers) ? data.answers : [];
    } catch (error) {
      state.canned = [];
    }
  }

  /* The centres' names for the transfer search, when the service lists them; otherwise a code is typed. */
  async function loadCentres() {
    try {
      const data = await api('GET', '/centres', undefined, { quiet: true });
      const list = Array.isArray(data.centres) ? data.centres : Array.isArray(data.items) ? data.items : null;
      state.centres = list
        ? list
            .filter(function (centre) {
              return centre && typeof centre.code === 'string';
            })
            .map(function (centre) {
              const name = centre.name || {};
              return { code: centre.code, th: name.th || centre.nameTh || centre.code, en: name.en || centre.nameEn || centre.code };
            })
        : null;
    } catch (error) {
      state.centres = null;
    }
  }

  function renderScope() {
    const scope = state.session && state.session.scope;
    const text = scope === 'all' ? t('scopeAll') : Array.isArray(scope) ? t('scopeSome', { centres: describeCodes(state.session.officer.centres.length ? state.session.officer.centres : scope) }) : '';
    byId('queue-scope').textContent = text;
  }

  function describeCodes(codes) {
    return codes
      .map(function (code) {
        const centre = findCentre(code);
        return centre ? centre[state.lang] + ' (' + code + ')' : code;
      })
      .join(', ');
  }

  function conversationHash(id) {
    return '#/c/' + encodeURIComponent(id);
  }

  function renderQueue() {
    const items = Array.from(state.queue.values()).sort(function (a, b) {
      return (toTime(a.queuedAt) || 0) - (toTime(b.queuedAt) || 0);
    });
    const live = items.filter(function (item) {
      return item.kind !== 'question';
    });
    const questions = items.filter(function (item) {
      return item.kind === 'question';
    });
    fillQueueList(byId('queue-live'), live, t('queueEmptyLive'));
    fillQueueList(byId('queue-question'), questions, t('queueEmptyQuestions'));
    byId('queue-live-count').textContent = String(live.length);
    byId('queue-question-count').textContent = String(questions.length);
  }

  function fillQueueList(list, items, emptyText) {
    const openId = state.conversation && state.conversation.id;
    const children = items.map(function (item) {
      const waiting = h('span', { class: 'waited', 'data-since': String(toTime(item.requestedAt) || toTime(item.queuedAt) || '') }, t('waited', { duration: formatDuration(Date.now() - (toTime(item.requestedAt) || toTime(item.queuedAt) || Date.now())) }));
      const stateClass = 'badge badge--' + (item.state === 'live' ? (item.answeredAt ? 'answered' : isMine(item) ? 'mine' : 'live') : 'queued');
      return h('li', { class: 'queue-item' + (item.id === openId ? ' queue-item--open' : ''), 'data-id': item.id }, [
        h('a', { class: 'queue-item__link', href: conversationHash(item.id), 'aria-current': item.id === openId ? 'page' : undefined }, [
          h('span', { class: 'queue-item__top' }, [
            h('span', { class: stateClass }, stateLabel(item)),
            state.unread.has(item.id) ? h('span', { class: 'badge badge--unread' }, t('newMessages')) : null,
            /* How long the citizen has waited, while they wait: once an officer has them, the badge says who. */
            item.state === 'queued' ? waiting : null,
          ]),
          item.reason ? h('span', { class: 'queue-item__reason' }, item.reason) : h('span', { class: 'queue-item__reason queue-item__reason--none' }, t('noReason')),
          h('span', { class: 'queue-item__meta' }, [
            h('span', null, centreName(item)),
            h('span', null, channelName(item.channelId)),
            h('span', { lang: item.lang === 'en' ? 'en' : 'th' }, languageName(item.lang)),
          ]),
        ]),
      ]);
    });
    if (children.length === 0) children.push(h('li', { class: 'queue-empty' }, emptyText));
    list.replaceChildren.apply(list, children);
  }

  /* Waiting times count up while the page is open. */
  function tickWaitingTimes() {
    document.querySelectorAll('[data-since]').forEach(function (element) {
      const since = Number(element.getAttribute('data-since'));
      if (!since) return;
      const duration = formatDuration(Date.now() - since);
      element.textContent = element.hasAttribute('data-bare') ? duration : t('waited', { duration: duration });
    });
  }

  /* ---------- Routing ---------- */

  function parseRoute() {
    const hash = window.location.hash.replace(/^#\/?/, '');
    const parts = hash.split('/');
    if (parts[0] === 'c' && parts[1]) return { name: 'conversation', id: safeDecode(parts.slice(1).join('/')) };
    if (parts[0] === 'complaint') return { name: 'complaint', number: parts[1] ? safeDecode(parts[1]) : '' };
    if (parts[0] === 'accounts') return { name: 'accounts' };
    if (parts[0] === 'hours') return { name: 'hours' };
    if (parts[0] === 'audit') return { name: 'audit' };
    return { name: 'queue' };
  }

  function safeDecode(value) {
    try {
      return decodeURIComponent(value);
    } catch (error) {
      return value;
    }
  }

  async function route() {
    if (!state.session || state.session.officer.mustChangePassword) return;
    state.route = parseRoute();
    document.querySelectorAll('[data-route]').forEach(function (link) {
      const active = link.getAttribute('data-route') === state.route.name || (state.route.name === 'conversation' && link.getAttribute('data-route') === 'queue');
      if (active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    byId('work-view').setAttribute('data-route', state.route.name);
    if (state.route.name !== 'conversation') state.conversation = null;
    if (state.route.name === 'conversation') await openConversation(state.route.id);
    else if (state.route.name === 'complaint') await openComplaintRoute(state.route.number);
    else if (state.route.name === 'accounts') await openAccounts();
    else if (state.route.name === 'hours') await openHours();
    else if (state.route.name === 'audit') await openAudit();
    else renderPlaceholder();
    renderQueue();
  }

  function detail() {
    return byId('detail');
  }

  function setDetail(children) {
    const container = detail();
    container.replaceChildren();
    append(container, children);
  }

  function focusHeading() {
    const heading = detail().querySelector('h2');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }

  function renderPlaceholder() {
    setDetail(h('div', { class: 'placeholder' }, [h('h2', { class: 'visually-hidden' }, t('conversationTitle')), h('p', null, t('chooseConversation'))]));
  }

  /* ---------- A conversation ---------- */

  async function openConversation(id) {
    state.unread.delete(id);
    state.conversation = { id: id, item: state.queue.get(id) || null, messages: [], complaint: null, loading: true, notice: '', draft: { text: '', link: '' } };
    setDetail(h('p', { class: 'loading' }, t('loading')));
    try {
      const data = await api('GET', '/conversations/' + encodeURIComponent(id));
      if (!state.conversation || state.conversation.id !== id) return;
      state.conversation.item = data.item;
      state.conversation.messages = Array.isArray(data.messages) ? data.messages.slice() : [];
      state.conversation.complaint = data.complaint || null;
      state.conversation.loading = false;
      renderConversation();
      focusHeading();
    } catch (error) {
      if (!state.conversation || state.conversation.id !== id) return;
      if (error.status === 404) {
        state.conversation.notFound = true;
        setDetail(
          h('div', { class: 'not-found', role: 'alert' }, [
            h('h2', null, t('conversationTitle')),
            h('p', null, t('notFound')),
            h('p', null, h('a', { href: '#/', class: 'link' }, t('backToQueue'))),
          ]),
        );
      } else if (error.status !== 401 && error.code !== 'password-change-required') {
        setDetail(h('p', { class: 'form-error', role: 'alert' }, errorText(error)));
      }
    }
  }

  async function refreshConversation() {
    const conversation = state.conversation;
    if (!conversation) return;
    try {
      const data = await api('GET', '/conversations/' + encodeURIComponent(conversation.id), undefined, { quiet: true });
      if (state.conversation !== conversation) return;
      conversation.item = data.item;
      (data.messages || []).forEach(addMessage);
      renderConversationHeader();
      renderReplyArea();
    } catch (error) {
      /* Kept as it was; the next frame or reconnect tries again. */
    }
  }

  function renderConversation() {
    const conversation = state.conversation;
    setDetail(
      h('article', { class: 'conversation', 'aria-labelledby': 'conversation-title' }, [
        h('div', { id: 'conversation-header' }),
        h('p', { class: 'notice', id: 'conversation-notice', role: 'status', 'aria-live': 'polite' }, conversation.notice || ''),
        h('section', { class: 'history', 'aria-labelledby': 'history-title' }, [
          h('h3', { id: 'history-title', class: 'section-title' }, t('history')),
          h('ol', { class: 'messages', id: 'messages', 'aria-live': 'polite', 'aria-relevant': 'additions' }),
        ]),
        h('div', { id: 'reply-area' }),
        h('div', { id: 'conversation-complaint' }),
      ]),
    );
    renderConversationHeader();
    renderMessages();
    renderReplyArea();
    renderConversationComplaint();
  }

  function renderConversationHeader() {
    const conversation = state.conversation;
    const container = byId('conversation-header');
    if (!conversation || !container) return;
    const item = conversation.item || {};
    const kindClass = item.kind === 'question' ? 'kind kind--question' : 'kind kind--live';
    const ended = conversation.closedHere || conversation.gone;
    const rows = [
      [t('fieldState'), conversation.closedHere ? t('stateClosed') : conversation.gone ? t('stateGone') : stateLabel(item)],
      [t('fieldKind'), h('span', { class: kindClass }, t(item.kind === 'question' ? 'kindQuestion' : 'kindLive'))],
      [t('fieldCentre'), centreName(item) + (item.centreCode ? ' (' + item.centreCode + ')' : '')],
      [t('fieldChannel'), channelName(item.channelId)],
      [t('fieldLanguage'), languageName(item.lang)],
      [t('fieldRequested'), formatDateTime(item.requestedAt)],
    ];
    const since = toTime(item.requestedAt);
    if (!ended && item.state === 'queued' && since) rows.push([t('fieldWaiting'), h('span', { 'data-since': String(since), 'data-bare': '' }, formatDuration(Date.now() - since))]);
    const canAct = !conversation.gone && !conversation.closedHere && (item.state === 'queued' || item.state === 'live');
    const actions = [];
    if (canAct && item.state === 'queued') actions.push(h('button', { type: 'button', class: 'button button--primary', id: 'claim-button', on: { click: claim } }, t('claim')));
    if (canAct && (isMine(item) || isAdmin() || item.state === 'queued')) actions.push(h('button', { type: 'button', class: 'button', id: 'transfer-button', 'aria-expanded': 'false', 'aria-controls': 'transfer-panel', on: { click: toggleTransfer } }, t('transfer')));
    if (canAct && item.state === 'live' && (isMine(item) || isAdmin())) actions.push(h('button', { type: 'button', class: 'button button--danger', id: 'close-button', 'aria-expanded': 'false', 'aria-controls': 'close-panel', on: { click: toggleClose } }, t('close')));
    container.replaceChildren(
      h('header', { class: 'conversation__head' }, [
        h('h2', { id: 'conversation-title' }, [t('conversationTitle'), ' · ', centreName(item)]),
        h('p', { class: 'reason' }, [h('span', { class: 'reason__label' }, t('fieldReason') + ': '), item.reason ? h('span', { class: 'reason__text' }, item.reason) : h('span', { class: 'reason__text reason__text--none' }, t('noReason'))]),
        h(
          'dl',
          { class: 'facts' },
          rows.map(function (row) {
            return h('div', { class: 'facts__row' }, [h('dt', null, row[0]), h('dd', null, row[1])]);
          }),
        ),
        actions.length ? h('div', { class: 'buttons', role: 'group', 'aria-label': t('conversationTitle') }, actions) : null,
        h('div', { id: 'transfer-panel', class: 'panel', hidden: true }),
        h('div', { id: 'close-panel', class: 'panel', hidden: true }),
      ]),
    );
  }

  function setNotice(text, isError) {
    if (!state.conversation) return;
    state.conversation.notice = text;
    const notice = byId('conversation-notice');
    if (!notice) return;
    notice.textContent = text;
    notice.className = 'notice' + (isError ? ' notice--error' : '');
  }

  function renderMessages() {
    const list = byId('messages');
    if (!list || !state.conversation) return;
    const messages = state.conversation.messages;
    if (messages.length === 0) {
      list.replaceChildren(h('li', { class: 'messages__empty' }, t('noMessages')));
      return;
    }
    list.replaceChildren.apply(list, messages.map(messageElement));
    scrollToNewest();
  }

  /* The history scrolls by itself to its newest message; the page around it stays where the officer left it. */
  function scrollToNewest() {
    const list = byId('messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  function addMessage(message) {
    const conversation = state.conversation;
    if (!conversation || !message) return;
    if (message.id && conversation.messages.some(function (known) {
      return known.id === message.id;
    })) {
      /* The same message again (the reply's answer and its frame): take the newer delivery state. */
      conversation.messages = conversation.messages.map(function (known) {
        return known.id === message.id ? Object.assign({}, known, message) : known;
      });
      renderMessages();
      return;
    }
    conversation.messages.push(message);
    conversation.messages.sort(function (a, b) {
      return (toTime(a.at) || 0) - (toTime(b.at) || 0);
    });
    renderMessages();
  }

  function speakerName(message) {
    switch (message.speaker) {
      case 'citizen':
        return t('speakerCitizen');
      case 'bot':
        return t('speakerBot');
      case 'officer':
        return message.officerName ? t('speakerOfficerNamed', { name: message.officerName }) : t('speakerOfficer');
      default:
        return t('speakerSystem');
    }
  }

  /* The service's own notes in the history are codes ("handoff.request:live:50"): they are told in words here. */
  function systemText(message) {
    const text = message.text;
    const centreName = function (code) {
      const centre = findCentre(code);
      return centre ? centre[state.lang] + ' (' + code + ')' : code;
    };
    const name = message.officerName || t('speakerOfficer');
    const request = /^handoff\.request:(live|question):([A-Za-z0-9]+)$/.exec(text);
    if (request) return t(request[1] === 'question' ? 'systemRequestQuestion' : 'systemRequestLive', { centre: centreName(request[2]) });
    const transfer = /^handoff\.transfer:([A-Za-z0-9]+):([A-Za-z0-9]+)$/.exec(text);
    if (transfer) return t('systemTransfer', { name: name, from: centreName(transfer[1]), to: centreName(transfer[2]) });
    const simple = {
      undeliverable: 'systemUndeliverable',
      'handoff.claim': 'systemClaim',
      'handoff.close': 'systemClose',
      'handoff.idleClose': 'systemIdleClose',
      'handoff.answeredClose': 'systemAnsweredClose',
      'handoff.requeue': 'systemRequeue',
      'handoff.withdraw': 'systemWithdraw',
      'handoff.citizenLeft': 'systemCitizenLeft',
      'handoff.toQuestion': 'systemToQuestion',
      'handoff.offer': 'systemOffer',
    };
    if (Object.prototype.hasOwnProperty.call(simple, text)) return t(simple[text], { name: name });
    return text;
  }

  function messageElement(message) {
    const speaker = ['citizen', 'bot', 'officer', 'system'].indexOf(message.speaker) === -1 ? 'system' : message.speaker;
    const body = [];
    if (typeof message.text === 'string' && message.text !== '') {
      body.push(h('p', { class: 'message__text' }, speaker === 'system' ? systemText(message) : linkified(message.text)));
    }
    (Array.isArray(message.attachments) ? message.attachments : []).forEach(function (attachment) {
      body.push(attachmentElement(attachment));
    });
    if (message.delivery === 'undeliverable' && !(speaker === 'system' && message.text === 'undeliverable' && !message.failure)) {
      body.push(h('p', { class: 'message__delivery message__delivery--failed', role: 'note' }, message.failure ? t('undeliverableWhy', { reason: message.failure }) : t('undeliverable')));
    } else if (message.delivery === 'pending') {
      body.push(h('p', { class: 'message__delivery' }, t('pendingDelivery')));
    }
    return h('li', { class: 'message message--' + speaker, 'data-speaker': speaker, 'data-id': message.id || '' }, [
      h('p', { class: 'message__who' }, [h('span', { class: 'message__speaker' }, speakerName(message)), ' ', h('time', { datetime: new Date(toTime(message.at) || 0).toISOString() }, formatTime(message.at))]),
      h('div', { class: 'message__body' }, body),
    ]);
  }

  function attachmentElement(attachment) {
    const type = String((attachment && attachment.contentType) || '');
    const url = safeUrl(attachment && attachment.url);
    const ownFile = url && url.origin === window.location.origin && FILE_PATH.test(url.pathname) && url.searchParams.has('t');
    if (ownFile && /^image\//.test(type)) {
      return h('a', { class: 'message__image-link', href: url.href, target: '_blank', rel: 'noopener noreferrer' }, h('img', { class: 'message__image', src: url.href, alt: attachment.name || t('imageAlt'), loading: 'lazy' }));
    }
    if (url) return h('p', { class: 'message__attachment' }, externalLink(url, attachment.name || url.href));
    if (/card/i.test(type)) return h('p', { class: 'message__attachment message__attachment--card' }, t('attachmentCard'));
    return h('p', { class: 'message__attachment' }, t('attachmentFile') + (attachment && attachment.name ? ': ' + attachment.name : ''));
  }

  /* The reply box, or why there is none. */
  function renderReplyArea() {
    const conversation = state.conversation;
    const container = byId('reply-area');
    if (!conversation || !container) return;
    const item = conversation.item || {};
    saveDraft();
    if (conversation.gone || conversation.closedHere || (item.state !== 'queued' && item.state !== 'live')) {
      container.replaceChildren();
      return;
    }
    const canReply = item.state === 'live' && (isMine(item) || isAdmin());
    if (!canReply) {
      const why = item.state === 'live' ? t('handledByOther', { name: item.officerName || t('anotherOfficer') }) : t('claimToReply');
      container.replaceChildren(h('p', { class: 'reply-locked' }, why));
      return;
    }
    if (container.querySelector('#reply-form')) return;
    container.replaceChildren(replyForm());
  }

  function saveDraft() {
    const conversation = state.conversation;
    const text = byId('reply-text');
    const link = byId('reply-link');
    if (conversation && text) conversation.draft = { text: text.value, link: link ? link.value : '' };
  }

  function replyForm() {
    const conversation = state.conversation;
    const lang = (conversation.item && conversation.item.lang) === 'en' ? 'en' : 'th';
    const cannedControls = state.canned.length
      ? h('div', { class: 'canned' }, [
          h('label', { for: 'canned-select' }, t('canned')),
          h('div', { class: 'inline' }, [
            h(
              'select',
              { id: 'canned-select', 'aria-describedby': 'canned-hint' },
              [h('option', { value: '' }, t('cannedChoose'))].concat(
                state.canned.map(function (answer) {
                  return h('option', { value: answer.id }, bilingual(answer.title));
                }),
              ),
            ),
            h('button', { type: 'button', class: 'button', id: 'canned-insert', on: { click: insertCanned } }, t('cannedInsert')),
          ]),
          h('p', { class: 'hint', id: 'canned-hint' }, t('cannedHint', { lang: languageName(lang) })),
        ])
      : null;
    const form = h('form', { id: 'reply-form', class: 'reply', novalidate: true, 'aria-labelledby': 'reply-title', on: { submit: sendReply } }, [
      h('h3', { id: 'reply-title', class: 'section-title' }, t('reply')),
      cannedControls,
      h('div', { class: 'field' }, [
        h('label', { for: 'reply-text' }, t('replyText')),
        h('textarea', { id: 'reply-text', rows: '4', maxlength: String(MAX_REPLY), lang: lang, 'aria-describedby': 'reply-hint', on: { keydown: replyKeydown } }),
        h('p', { class: 'hint', id: 'reply-hint' }, t('replyHint')),
      ]),
      h('div', { class: 'reply__extras' }, [
        h('div', { class: 'field' }, [h('label', { for: 'reply-link' }, t('replyLink')), h('input', { id: 'reply-link', type: 'url', inputmode: 'url', placeholder: 'https://', spellcheck: 'false' })]),
        /*
         * The browser draws a file input's button and "no file chosen" in its own language, not the page's: the
         * input is kept (focusable, hidden from sight) and its label is the visible, translated button.
         */
        h('div', { class: 'field' }, [
          h('span', { class: 'label', id: 'reply-image-title' }, t('replyImage')),
          h('div', { class: 'file-picker' }, [
            h('input', { id: 'reply-image', class: 'file-picker__input', type: 'file', accept: IMAGE_TYPES.join(','), 'aria-labelledby': 'reply-image-title reply-image-button', 'aria-describedby': 'reply-image-hint reply-image-name', on: { change: previewImage } }),
            h('label', { for: 'reply-image', class: 'button file-picker__button', id: 'reply-image-button' }, t('chooseImage')),
            h('span', { class: 'file-picker__name', id: 'reply-image-name' }, t('noImage')),
          ]),
          h('p', { class: 'hint', id: 'reply-image-hint' }, t('replyImageHint')),
          h('div', { id: 'reply-preview', class: 'reply__preview' }),
        ]),
      ]),
      h('p', { class: 'form-error', id: 'reply-error', role: 'alert' }),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'button button--primary', id: 'reply-send' }, t('send'))),
    ]);
    const draft = conversation.draft || { text: '', link: '' };
    form.querySelector('#reply-text').value = draft.text;
    form.querySelector('#reply-link').value = draft.link;
    return form;
  }

  function replyKeydown(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      byId('reply-form').requestSubmit();
    }
  }

  function insertCanned() {
    const select = byId('canned-select');
    const answer = state.canned.find(function (candidate) {
      return candidate.id === select.value;
    });
    if (!answer) {
      select.focus();
      return;
    }
    const lang = state.conversation && state.conversation.item && state.conversation.item.lang === 'en' ? 'en' : 'th';
    const text = byId('reply-text');
    /* Thai comes neutral or in the officer's own polite ending (ค่ะ unless they chose ครับ). */
    const written = answer.text || {};
    const ending = (state.session && state.session.officer.politeEnding) || 'kha';
    text.value = (lang === 'en' ? written.en : written.form === 'polite' ? written.th && written.th[ending] : written.th) || '';
    text.focus();
  }

  let previewUrl = null;

  function previewImage() {
    const input = byId('reply-image');
    const preview = byId('reply-preview');
    const error = byId('reply-error');
    const name = byId('reply-image-name');
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    preview.replaceChildren();
    error.textContent = '';
    const file = input.files && input.files[0];
    name.textContent = file ? file.name : t('noImage');
    if (!file) return;
    const problem = imageProblem(file);
    if (problem) {
      error.textContent = problem;
      input.value = '';
      name.textContent = t('noImage');
      return;
    }
    previewUrl = URL.createObjectURL(file);
    preview.replaceChildren(
      h('img', { src: previewUrl, alt: file.name, class: 'reply__thumb' }),
      h('button', {
        type: 'button',
        class: 'button button--small',
        on: {
          click: function () {
            input.value = '';
            previewImage();
            input.focus();
          },
        },
      }, t('removeImage')),
    );
  }

  function imageProblem(file) {
    if (IMAGE_TYPES.indexOf(file.type) === -1) return t('imageInvalid');
    if (file.size > MAX_IMAGE_BYTES) return t('imageTooLarge');
    return '';
  }

  async function sendReply(event) {
    event.preventDefault();
    const conversation = state.conversation;
    if (!conversation) return;
    const textBox = byId('reply-text');
    const linkBox = byId('reply-link');
    const imageBox = byId('reply-image');
    const error = byId('reply-error');
    const button = byId('reply-send');
    const text = textBox.value.trim();
    const linkText = linkBox.value.trim();
    const file = imageBox.files && imageBox.files[0];
    error.textContent = '';
    if (!text && !linkText && !file) {
      error.textContent = t('replyEmpty');
      textBox.focus();
      return;
    }
    if (text.length > MAX_REPLY) {
      error.textContent = t('replyTooLong');
      textBox.focus();
      return;
    }
    let link;
    if (linkText) {
      link = safeUrl(linkText);
      if (!link || !/^https?:\/\//i.test(linkText)) {
        error.textContent = t('linkInvalid');
        linkBox.focus();
        return;
      }
    }
    if (file && imageProblem(file)) {
      error.textContent = imageProblem(file);
      return;
    }
    button.disabled = true;
    button.textContent = t('sending');
    const path = '/conversations/' + encodeURIComponent(conversation.id) + '/messages';
    try {
      const sent = [];
      if (file) {
        const form = new FormData();
        form.append('file', file, file.name);
        /* A link goes with its own message below, so that the citizen gets it as a link. */
        if (text && !link) form.append('text', text);
        sent.push(await api('POST', path, form));
      }
      if (link) sent.push(await api('POST', path, { text: text || link.href, link: link.href }));
      else if (text && !file) sent.push(await api('POST', path, { text: text }));
      if (state.conversation !== conversation) return;
      sent.forEach(function (answer) {
        if (answer.message) addMessage(answer.message);
      });
      textBox.value = '';
      linkBox.value = '';
      imageBox.value = '';
      previewImage();
      conversation.draft = { text: '', link: '' };
      const undeliverable = sent.some(function (answer) {
        return answer.message && answer.message.delivery === 'undeliverable';
      });
      setNotice(undeliverable ? t('sentUndeliverable') : '', undeliverable);
      textBox.focus();
    } catch (failure) {
      if (failure.code === 'conflict' && failure.details.conflict === 'not-yours') await refreshConversation();
      const box = byId('reply-error');
      if (box) box.textContent = errorText(failure);
    } finally {
      const again = byId('reply-send');
      if (again) {
        again.disabled = false;
        again.textContent = t('send');
      }
    }
  }

  async function claim() {
    const conversation = state.conversation;
    const button = byId('claim-button');
    if (!conversation || !button) return;
    button.disabled = true;
    try {
      const data = await api('POST', '/conversations/' + encodeURIComponent(conversation.id) + '/claim');
      if (state.conversation !== conversation) return;
      conversation.item = data.item;
      state.queue.set(data.item.id, data.item);
      renderQueue();
      renderConversationHeader();
      renderReplyArea();
      setNotice(t('claimed'));
      const text = byId('reply-text');
      if (text) text.focus();
    } catch (failure) {
      setNotice(errorText(failure), true);
      await refreshConversation();
      const again = byId('claim-button');
      if (again) again.disabled = false;
    }
  }

  function toggleTransfer() {
    const panel = byId('transfer-panel');
    const button = byId('transfer-button');
    const open = panel.hidden;
    byId('close-panel').hidden = true;
    const closeButton = byId('close-button');
    if (closeButton) closeButton.setAttribute('aria-expanded', 'false');
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    panel.replaceChildren(transferForm());
    byId('transfer-query').focus();
  }

  function transferForm() {
    let chosen = null;
    const results = h('ul', { class: 'centre-results', id: 'transfer-results', 'aria-label': t('transferResults') });
    const chosenText = h('p', { class: 'hint', id: 'transfer-chosen', role: 'status' });
    const error = h('p', { class: 'form-error', id: 'transfer-error', role: 'alert' });
    const withList = Boolean(state.centres && state.centres.length);
    const query = h('input', {
      id: 'transfer-query',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'transfer-hint',
      'aria-controls': withList ? 'transfer-results' : undefined,
    });

    function choose(centre) {
      chosen = centre;
      chosenText.textContent = t('transferChosen', { name: centre[state.lang] + ' (' + centre.code + ')' });
    }

    function search() {
      chosen = null;
      chosenText.textContent = '';
      if (!withList) return;
      const words = normalise(query.value).split(' ').filter(Boolean);
      if (words.length === 0) {
        results.replaceChildren();
        return;
      }
      const matches = state.centres
        .filter(function (centre) {
          const haystack = normalise(centre.code + ' ' + centre.th + ' ' + centre.en);
          return words.every(function (word) {
            return haystack.indexOf(word) !== -1;
          });
        })
        .slice(0, 8);
      if (matches.length === 0) {
        results.replaceChildren(h('li', { class: 'hint' }, t('transferNoMatch')));
        return;
      }
      results.replaceChildren.apply(
        results,
        matches.map(function (centre) {
          return h(
            'li',
            null,
            h('button', {
              type: 'button',
              class: 'centre-result',
              'data-code': centre.code,
              on: {
                click: function () {
                  choose(centre);
                  query.value = centre[state.lang] + ' (' + centre.code + ')';
                  results.replaceChildren();
                  byId('transfer-submit').focus();
                },
              },
            }, [centre[state.lang], ' ', h('span', { class: 'code' }, '(' + centre.code + ')')]),
          );
        }),
      );
    }

    query.addEventListener('input', search);

    async function submit(event) {
      event.preventDefault();
      error.textContent = '';
      const typed = query.value.trim();
      const exact = withList
        ? state.centres.find(function (centre) {
            return centre.code.toLowerCase() === typed.toLowerCase();
          })
        : null;
      const code = chosen ? chosen.code : exact ? exact.code : typed && !withList ? typed.toUpperCase() : '';
      if (!code) {
        error.textContent = t('transferChooseFirst');
        query.focus();
        return;
      }
      const conversation = state.conversation;
      try {
        const data = await api('POST', '/conversations/' + encodeURIComponent(conversation.id) + '/transfer', { centreCode: code });
        if (state.conversation !== conversation) return;
        conversation.item = data.item;
        conversation.transferredHere = true;
        const centre = findCentre(code);
        const name = data.item && data.item.centreName ? bilingual(data.item.centreName) : centre ? centre[state.lang] : code;
        renderConversationHeader();
        renderReplyArea();
        setNotice(t('transferred', { name: name }));
      } catch (failure) {
        error.textContent = errorText(failure);
        query.focus();
      }
    }

    return h('form', { class: 'transfer', novalidate: true, on: { submit: submit } }, [
      h('div', { class: 'field' }, [
        h('label', { for: 'transfer-query' }, withList ? t('transferSearch') : t('transferCode')),
        query,
        h('p', { class: 'hint', id: 'transfer-hint' }, t('transferCodeHint')),
      ]),
      withList ? results : null,
      chosenText,
      error,
      h('div', { class: 'buttons' }, [
        h('button', { type: 'submit', class: 'button button--primary', id: 'transfer-submit' }, t('transferSubmit')),
        h('button', { type: 'button', class: 'button', on: { click: toggleTransfer } }, t('cancel')),
      ]),
    ]);
  }

  function normalise(text) {
    return String(text).toLowerCase().normalize('NFC').replace(/[().,]/g, ' ').replace(/\s+/g, ' ').trim();
  }

  function toggleClose() {
    const panel = byId('close-panel');
    const button = byId('close-button');
    const open = panel.hidden;
    byId('transfer-panel').hidden = true;
    const transferButton = byId('transfer-button');
    if (transferButton) transferButton.setAttribute('aria-expanded', 'false');
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) return;
    panel.replaceChildren(
      h('p', null, t('closeConfirm')),
      h('div', { class: 'buttons' }, [
        h('button', { type: 'button', class: 'button button--danger', id: 'close-confirm', on: { click: closeConversation } }, t('closeYes')),
        h('button', { type: 'button', class: 'button', on: { click: toggleClose } }, t('cancel')),
      ]),
    );
    byId('close-confirm').focus();
  }

  async function closeConversation() {
    const conversation = state.conversation;
    if (!conversation) return;
    const button = byId('close-confirm');
    if (button) button.disabled = true;
    try {
      const data = await api('POST', '/conversations/' + encodeURIComponent(conversation.id) + '/close');
      if (state.conversation !== conversation) return;
      conversation.item = data.item || conversation.item;
      conversation.closedHere = true;
      state.queue.delete(conversation.id);
      renderQueue();
      renderConversationHeader();
      renderReplyArea();
      setNotice(t('closed'));
      focusHeading();
    } catch (failure) {
      setNotice(errorText(failure), true);
      if (button) button.disabled = false;
    }
  }

  function renderConversationComplaint() {
    const conversation = state.conversation;
    const container = byId('conversation-complaint');
    if (!conversation || !container) return;
    if (conversation.complaint) {
      container.replaceChildren(
        h('section', { class: 'complaint-box', 'aria-labelledby': 'conversation-complaint-title' }, [
          h('h3', { id: 'conversation-complaint-title', class: 'section-title' }, t('complaintOfConversation')),
          complaintElement(conversation.complaint, function (updated) {
            conversation.complaint = updated;
            renderConversationComplaint();
          }, 'h4'),
        ]),
      );
    } else if (conversation.item && conversation.item.complaintId) {
      const number = conversation.item.complaintId;
      container.replaceChildren(h('p', null, h('a', { class: 'link', href: '#/complaint/' + encodeURIComponent(number) }, t('openComplaint', { number: number }))));
    } else {
      container.replaceChildren();
    }
  }

  /* ---------- Complaints ---------- */

  async function openComplaintRoute(number) {
    const form = lookupForm(number);
    if (!number) {
      state.complaint = null;
      setDetail([form]);
      focusHeading();
      return;
    }
    state.complaint = { number: number, complaint: null };
    setDetail([form, h('p', { class: 'loading' }, t('loading'))]);
    try {
      const data = await api('GET', '/complaints/' + encodeURIComponent(number));
      if (!state.complaint || state.complaint.number !== number) return;
      state.complaint.complaint = data.complaint;
      renderComplaintRoute();
    } catch (error) {
      if (!state.complaint || state.complaint.number !== number) return;
      if (error.status === 401 || error.code === 'password-change-required') return;
      state.complaint.notFound = error.status === 404;
      setDetail([form, h('p', { class: 'form-error', role: 'alert' }, error.status === 404 ? t('complaintNotFound') : errorText(error))]);
    }
  }

  function renderComplaintRoute() {
    const open = state.complaint;
    if (!open) return;
    if (!open.complaint) {
      void openComplaintRoute(open.number);
      return;
    }
    setDetail([
      lookupForm(open.number),
      complaintElement(open.complaint, function (updated) {
        open.complaint = updated;
        renderComplaintRoute();
      }, 'h2'),
    ]);
  }

  function lookupForm(number) {
    const input = h('input', { id: 'lookup-number', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', 'aria-describedby': 'lookup-hint', maxlength: '40' });
    input.value = number || '';
    return h(
      'form',
      {
        class: 'lookup',
        novalidate: true,
        role: 'search',
        'aria-labelledby': 'lookup-title',
        on: {
          submit: function (event) {
            event.preventDefault();
            /* Typed loosely, as citizens give it: spaces and lower case are tidied up. */
            const typed = input.value.trim().toUpperCase().replace(/\s+/g, '');
            if (!typed) {
              input.focus();
              return;
            }
            const target = '#/complaint/' + encodeURIComponent(typed);
            if (window.location.hash === target) void openComplaintRoute(typed);
            else window.location.hash = target;
          },
        },
      },
      [
        h(number ? 'p' : 'h2', { id: 'lookup-title', class: number ? 'section-title' : undefined }, t('complaintLookupTitle')),
        h('div', { class: 'inline' }, [
          h('div', { class: 'field' }, [h('label', { for: 'lookup-number' }, t('trackingNumber')), input, h('p', { class: 'hint', id: 'lookup-hint' }, t('trackingNumberHint'))]),
          h('button', { type: 'submit', class: 'button button--primary' }, t('find')),
        ]),
      ],
    );
  }

  function statusLabel(status) {
    return STATUSES.indexOf(status) === -1 ? String(status || '') : t('status_' + status);
  }

  function complaintElement(complaint, onUpdated, headingTag) {
    const rows = [];
    const add = function (label, value) {
      if (value === undefined || value === null || value === '') return;
      rows.push(h('div', { class: 'facts__row' }, [h('dt', null, label), h('dd', null, value)]));
    };
    add(t('cStatus'), h('span', { class: 'status status--' + String(complaint.status || '') }, statusLabel(complaint.status)));
    add(t('cCategory'), bilingual(complaint.category) || complaint.categoryId);
    if (complaint.destination) add(t('cDestination'), bilingual(complaint.destination.name) + (complaint.destination.code ? ' (' + complaint.destination.code + ')' : ''));
    add(t('cSubject'), complaint.subject);
    if (complaint.description) add(t('cDescription'), h('span', { class: 'pre' }, linkified(String(complaint.description))));
    const incident = complaint.incident || {};
    add(t('cPlace'), incident.place);
    add(t('cWhen'), formatWhen(incident));
    const contact = complaint.contact || {};
    if (contact.anonymous) {
      add(t('cContact'), t('cAnonymous'));
    } else {
      add(t('cName'), contact.name);
      add(t('cPhone'), contact.phone);
      add(t('cEmail'), contact.email);
      add(t('cNationalId'), contact.nationalIdMasked);
    }
    add(t('cLanguage'), complaint.lang ? languageName(complaint.lang) : '');
    add(t('cCreated'), formatDateTime(complaint.createdAt));
    add(t('cUpdated'), formatDateTime(complaint.updatedAt));
    const attachments = Array.isArray(complaint.attachments) ? complaint.attachments : [];
    if (attachments.length) {
      add(
        t('cAttachments'),
        h(
          'span',
          { class: 'attachments' },
          attachments.map(function (attachment) {
            return attachmentElement(attachment);
          }),
        ),
      );
    }
    const timeline = Array.isArray(complaint.timeline) ? complaint.timeline : [];
    return h('article', { class: 'complaint', 'aria-labelledby': 'complaint-title-' + safeId(complaint.number) }, [
      h(headingTag, { id: 'complaint-title-' + safeId(complaint.number), class: headingTag === 'h2' ? undefined : 'section-title' }, t('complaintTitle', { number: complaint.number })),
      h('dl', { class: 'facts' }, rows),
      h('section', { class: 'timeline', 'aria-label': t('timeline') }, [
        h('p', { class: 'section-title' }, t('timeline')),
        h(
          'ol',
          { class: 'timeline__list' },
          timeline.map(function (entry) {
            const note = bilingual(entry.note);
            return h('li', { class: 'timeline__entry' }, [
              h('p', { class: 'timeline__head' }, [
                h('time', { datetime: new Date(toTime(entry.at) || 0).toISOString() }, formatDateTime(entry.at)),
                ' · ',
                h('span', { class: 'status status--' + String(entry.status || '') }, statusLabel(entry.status)),
                entry.by ? ' · ' + t('timelineBy', { name: actorName(entry.by) }) : '',
              ]),
              note ? h('p', { class: 'timeline__note' }, note) : null,
            ]);
          }),
        ),
      ]),
      statusForm(complaint, onUpdated),
    ]);
  }

  /* A calendar date ("2026-11-23") as officers read dates: "23 พ.ย. 2569", "23 Nov 2026". */
  function formatDay(value) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value || '';
    return new Intl.DateTimeFormat(LOCALES[state.lang], { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(value + 'T00:00:00Z'));
  }

  /*
   * When it happened, as precisely as the citizen said it (a week, a month or a year is not shown as its first
   * day), an estimate marked, and the citizen's own words beside it.
   */
  function formatWhen(incident) {
    if (typeof incident.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(incident.date)) return '';
    const date = new Date(incident.date + 'T00:00:00Z');
    const format = function (options) {
      return new Intl.DateTimeFormat(LOCALES[state.lang], Object.assign({ timeZone: 'UTC' }, options)).format(date);
    };
    let understood;
    if (incident.precision === 'year') understood = format({ year: 'numeric' });
    else if (incident.precision === 'month') understood = format({ month: 'long', year: 'numeric' });
    else if (incident.precision === 'week') understood = t('cWhenWeek') + ' ' + formatDay(incident.date);
    else understood = [formatDay(incident.date), incident.time].filter(Boolean).join(' ');
    if (incident.approximate) understood = t('cWhenApprox') + ' ' + understood;
    return typeof incident.said === 'string' && incident.said !== '' ? understood + ' (“' + incident.said + '”)' : understood;
  }

  /* Who made a timeline entry: the service names roles, which are told in words. */
  function actorName(by) {
    const known = { citizen: 'actorCitizen', officer: 'actorOfficer', system: 'actorSystem', agency: 'actorAgency' };
    return Object.prototype.hasOwnProperty.call(known, by) ? t(known[by]) : String(by);
  }

  function safeId(value) {
    return String(value || '').replace(/[^A-Za-z0-9_-]/g, '_');
  }

  function statusForm(complaint, onUpdated) {
    const suffix = safeId(complaint.number);
    const select = h(
      'select',
      { id: 'status-select-' + suffix },
      STATUSES.map(function (status) {
        return h('option', { value: status, selected: status === complaint.status }, statusLabel(status));
      }),
    );
    const note = h('textarea', { id: 'status-note-' + suffix, rows: '3', maxlength: String(MAX_NOTE), 'aria-describedby': 'status-note-hint-' + suffix });
    const message = h('p', { class: 'form-error', role: 'alert' });
    const done = h('p', { class: 'notice', role: 'status' });
    async function submit(event) {
      event.preventDefault();
      message.textContent = '';
      done.textContent = '';
      const text = note.value.trim();
      if (text.length < 1 || text.length > MAX_NOTE) {
        message.textContent = t('noteRequired');
        note.focus();
        return;
      }
      const button = event.target.querySelector('button[type="submit"]');
      button.disabled = true;
      try {
        const data = await api('POST', '/complaints/' + encodeURIComponent(complaint.number) + '/status', { status: select.value, note: text });
        onUpdated(data.complaint);
        /* The change stands even when the citizen's channel did not take the message: the officer is told. */
        const told = data.notified === false ? t('statusSavedNotNotified') : t('statusSaved');
        announce(told);
        const again = document.querySelector('[data-status-done="' + suffix + '"]');
        if (again) {
          again.textContent = told;
          if (data.notified === false) again.className = 'notice notice--error';
        }
      } catch (failure) {
        message.textContent = errorText(failure);
        button.disabled = false;
      }
    }
    done.setAttribute('data-status-done', suffix);
    return h('form', { class: 'status-form', novalidate: true, 'aria-labelledby': 'status-title-' + suffix, on: { submit: submit } }, [
      h('p', { class: 'section-title', id: 'status-title-' + suffix }, t('statusChange')),
      h('div', { class: 'field' }, [h('label', { for: 'status-select-' + suffix }, t('newStatus')), select]),
      h('div', { class: 'field' }, [h('label', { for: 'status-note-' + suffix }, t('statusNote')), note, h('p', { class: 'hint', id: 'status-note-hint-' + suffix }, t('statusNoteHint'))]),
      message,
      done,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'button button--primary' }, t('saveStatus'))),
    ]);
  }

  /* ---------- Accounts (admins) ---------- */

  async function openAccounts() {
    if (!isAdmin()) {
      setDetail(h('p', { class: 'form-error', role: 'alert' }, t('forbidden')));
      return;
    }
    state.accountEdit = null;
    state.accountsNotice = null;
    setDetail(h('p', { class: 'loading' }, t('loading')));
    try {
      const data = await api('GET', '/officers');
      state.accounts = Array.isArray(data.officers) ? data.officers : [];
      renderAccounts();
      focusHeading();
    } catch (error) {
      if (error.status !== 401) setDetail(h('p', { class: 'form-error', role: 'alert' }, errorText(error)));
    }
  }

  function findAccount(id) {
    const accounts = state.accounts || [];
    for (let i = 0; i < accounts.length; i += 1) if (accounts[i].id === id) return accounts[i];
    return undefined;
  }

  function isOwnAccount(officer) {
    return Boolean(officer && state.session && officer.id === state.session.officer.id);
  }

  /* The service's answer replaces the account in the list (and, for the admin's own, the name in the header). */
  function replaceAccount(officer) {
    state.accounts = (state.accounts || []).map(function (account) {
      return account.id === officer.id ? officer : account;
    });
    if (isOwnAccount(officer)) {
      state.session.officer.displayName = officer.displayName;
      renderWho();
    }
  }

  /* The whole screen. Opening or closing the editor redraws only the rows and the editor, so a half-typed new account stays. */
  function renderAccounts() {
    if (state.route.name !== 'accounts') return;
    keepAccountDraft();
    setDetail([
      h('h2', null, t('accountsTitle')),
      h('div', { class: 'table-wrap' }, [
        h('table', { class: 'table table--accounts', id: 'accounts-table' }, [
          h('caption', { class: 'visually-hidden' }, t('accountsTitle')),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('colUsername'), t('colDisplayName'), t('colRole'), t('colCentres'), t('colPassword'), t('colAccountStatus')]
                .map(function (label) {
                  return h('th', { scope: 'col' }, label);
                })
                .concat([h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('colActions')))]),
            ),
          ),
          h('tbody', { id: 'accounts-rows' }),
        ]),
      ]),
      h('p', { class: 'notice', id: 'accounts-notice', role: 'status' }),
      h('div', { id: 'account-edit-slot' }),
      h('div', { id: 'one-time-slot' }),
      accountForm(),
    ]);
    fillAccountRows();
    renderAccountsNotice();
    renderAccountEditor();
    renderOneTime();
  }

  function fillAccountRows() {
    const body = byId('accounts-rows');
    if (!body) return;
    const editing = state.accountEdit && state.accountEdit.id;
    const rows = (state.accounts || []).map(function (officer) {
      return h('tr', { class: officer.disabled ? 'account-row account-row--disabled' : 'account-row', 'data-id': officer.id }, [
        h('td', null, officer.username),
        h('td', null, officer.displayName),
        h('td', null, t('role_' + officer.role)),
        h('td', null, officer.role === 'admin' ? t('allCentres') : describeCodes(officer.centres || [])),
        h('td', null, officer.mustChangePassword ? t('mustChange') : t('passwordSet')),
        h('td', { class: 'account-status' }, officer.disabled ? h('span', { class: 'badge badge--disabled' }, t('accountDisabled')) : t('accountActive')),
        h(
          'td',
          { class: 'account-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'button button--small account-edit-button',
              'aria-label': t('editAccountOf', { username: officer.username }),
              'aria-expanded': String(editing === officer.id),
              'aria-controls': 'account-edit-slot',
              on: {
                click: function () {
                  toggleAccountEditor(officer.id);
                },
              },
            },
            t('edit'),
          ),
        ),
      ]);
    });
    body.replaceChildren.apply(body, rows);
  }

  function renderAccountsNotice() {
    const notice = byId('accounts-notice');
    if (!notice) return;
    const shown = state.accountsNotice;
    notice.className = shown && shown.error ? 'notice notice--error' : 'notice';
    notice.textContent = shown ? t(shown.key, shown.vars) : '';
  }

  function renderOneTime() {
    const slot = byId('one-time-slot');
    if (!slot) return;
    const oneTime = state.oneTime;
    if (!oneTime) {
      slot.replaceChildren();
      return;
    }
    slot.replaceChildren(
      h('div', { class: 'one-time', role: 'status', id: 'one-time' }, [
        h('p', { class: 'section-title' }, t(oneTime.reset ? 'newOneTimePassword' : 'oneTimePassword', { username: oneTime.username })),
        h('p', { class: 'one-time__password' }, h('code', { id: 'one-time-password' }, oneTime.password)),
        h('p', null, t(oneTime.reset ? 'oneTimeResetNote' : 'oneTimeNote')),
        h('button', { type: 'button', class: 'button', on: { click: copyOneTime } }, t('copy')),
      ]),
    );
  }

  function focusOneTime() {
    const shown = byId('one-time');
    if (shown) {
      shown.setAttribute('tabindex', '-1');
      shown.focus();
    }
  }

  async function copyOneTime(event) {
    if (!state.oneTime) return;
    try {
      await navigator.clipboard.writeText(state.oneTime.password);
      event.target.textContent = t('copied');
    } catch (error) {
      /* No clipboard: the password stays on screen to be copied by hand. */
    }
  }

  /* "50, 5001" or "50 5001" as the service's codes. */
  function parseCentreCodes(text) {
    return String(text)
      .split(/[\s,;]+/)
      .map(function (code) {
        return code.trim().toUpperCase();
      })
      .filter(Boolean);
  }

  /* ----- Editing an account ----- */

  function toggleAccountEditor(id) {
    const open = !(state.accountEdit && state.accountEdit.id === id);
    state.accountEdit = open ? { id: id, draft: null } : null;
    state.accountsNotice = null;
    renderAccountsNotice();
    fillAccountRows();
    renderAccountEditor();
    if (open) byId('edit-display-name').focus();
    else focusEditButton(id);
  }

  function closeAccountEditor() {
    const id = state.accountEdit && state.accountEdit.id;
    state.accountEdit = null;
    fillAccountRows();
    renderAccountEditor();
    if (id) focusEditButton(id);
  }

  function focusEditButton(id) {
    const rows = document.querySelectorAll('#accounts-rows tr');
    for (let i = 0; i < rows.length; i += 1) {
      if (rows[i].getAttribute('data-id') === id) {
        rows[i].querySelector('.account-edit-button').focus();
        return;
      }
    }
  }

  /* The editor's fields as typed, kept across a redraw of the whole screen (another language, a new account). */
  function keepAccountDraft() {
    if (!state.accountEdit || !byId('account-edit-form')) return;
    const role = byId('edit-role');
    const centres = byId('edit-centres');
    const enabled = byId('edit-enabled');
    state.accountEdit.draft = {
      displayName: byId('edit-display-name').value,
      role: role ? role.value : undefined,
      centres: centres ? centres.value : undefined,
      enabled: enabled ? enabled.checked : undefined,
    };
  }

  function renderAccountEditor() {
    const slot = byId('account-edit-slot');
    if (!slot) return;
    const officer = state.accountEdit && findAccount(state.accountEdit.id);
    if (!officer) {
      state.accountEdit = null;
      slot.replaceChildren();
      return;
    }
    slot.replaceChildren(accountEditor(officer, state.accountEdit.draft || {}));
  }

  function accountEditor(officer, draft) {
    const own = isOwnAccount(officer);
    const error = h('div', { class: 'form-error', role: 'alert', id: 'account-edit-error' });
    const displayName = h('input', { id: 'edit-display-name', autocomplete: 'off', maxlength: '100', required: true });
    displayName.value = draft.displayName !== undefined ? draft.displayName : officer.displayName;
    let role = null;
    let centres = null;
    let enabled = null;
    if (!own) {
      role = h(
        'select',
        { id: 'edit-role' },
        ROLES.map(function (value) {
          return h('option', { value: value }, t('role_' + value));
        }),
      );
      role.value = draft.role !== undefined ? draft.role : officer.role;
      centres = h('input', { id: 'edit-centres', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'edit-centres-hint' });
      centres.value = draft.centres !== undefined ? draft.centres : (officer.centres || []).join(', ');
      enabled = h('input', { id: 'edit-enabled', type: 'checkbox', 'aria-describedby': 'edit-enabled-hint' });
      enabled.checked = draft.enabled !== undefined ? draft.enabled : !officer.disabled;
    }

    async function submit(event) {
      event.preventDefault();
      error.replaceChildren();
      const current = findAccount(officer.id) || officer;
      const name = displayName.value.trim();
      if (!name || name.length > 100) {
        error.textContent = t('displayNameRequired');
        displayName.focus();
        return;
      }
      const change = {};
      if (name !== current.displayName) change.displayName = name;
      if (!own) {
        if (role.value !== current.role) change.role = role.value;
        if (role.value !== 'admin') {
          const codes = parseCentreCodes(centres.value);
          if (codes.length === 0) {
            error.textContent = t('centresRequired');
            centres.focus();
            return;
          }
          if (codes.join(',') !== (current.role === 'admin' ? '' : (current.centres || []).join(','))) change.centres = codes;
        }
        if (!enabled.checked !== Boolean(current.disabled)) change.disabled = !enabled.checked;
      }
      if (Object.keys(change).length === 0) {
        error.textContent = t('noChanges');
        displayName.focus();
        return;
      }
      const button = byId('account-edit-save');
      button.disabled = true;
      try {
        const data = await api('PATCH', '/officers/' + encodeURIComponent(officer.id), change);
        replaceAccount(data.officer);
        state.accountEdit = null;
        const key = change.disabled === true ? 'accountSavedDisabled' : change.disabled === false ? 'accountSavedEnabled' : 'accountSaved';
        state.accountsNotice = { key: key, vars: { username: data.officer.username } };
        if (state.route.name !== 'accounts') return;
        fillAccountRows();
        renderAccountEditor();
        renderAccountsNotice();
        const notice = byId('accounts-notice');
        notice.setAttribute('tabindex', '-1');
        notice.focus();
      } catch (failure) {
        /* A lapsed session or a password to change: api() has already shown the right screen. */
        if (failure.status === 401 || failure.code === 'password-change-required') return;
        showAccountError(error, failure);
        const again = byId('account-edit-save');
        if (again) again.disabled = false;
      }
    }

    function keydown(event) {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      const confirmPanel = byId('account-reset-panel');
      if (confirmPanel && !confirmPanel.hidden) toggleResetConfirm();
      else closeAccountEditor();
    }

    return h('form', { class: 'panel account-edit', id: 'account-edit-form', novalidate: true, 'aria-labelledby': 'account-edit-title', 'data-id': officer.id, on: { submit: submit, keydown: keydown } }, [
      h('h3', { class: 'section-title', id: 'account-edit-title' }, t('editAccountTitle', { username: officer.username })),
      own ? h('p', { class: 'hint account-edit__own', id: 'account-edit-own' }, t('ownAccountNote')) : null,
      h('div', { class: 'grid' }, [
        h('div', { class: 'field' }, [h('label', { for: 'edit-display-name' }, t('displayName')), displayName]),
        own ? null : h('div', { class: 'field' }, [h('label', { for: 'edit-role' }, t('role')), role]),
        own ? null : h('div', { class: 'field' }, [h('label', { for: 'edit-centres' }, t('centres')), centres, h('p', { class: 'hint', id: 'edit-centres-hint' }, t('centresHint'))]),
      ]),
      own ? null : h('div', { class: 'check' }, [enabled, h('label', { for: 'edit-enabled' }, t('accountEnabled'))]),
      own ? null : h('p', { class: 'hint check__hint', id: 'edit-enabled-hint' }, t('accountEnabledHint')),
      error,
      h('div', { class: 'buttons' }, [
        h('button', { type: 'submit', class: 'button button--primary', id: 'account-edit-save' }, t('saveAccount')),
        h('button', { type: 'button', class: 'button', id: 'account-edit-cancel', on: { click: closeAccountEditor } }, t('cancel')),
      ]),
      own
        ? null
        : h('div', { class: 'account-reset' }, [
            h('button', { type: 'button', class: 'button button--danger', id: 'account-reset', 'aria-expanded': 'false', 'aria-controls': 'account-reset-panel', on: { click: toggleResetConfirm } }, t('resetPassword')),
            h('div', { class: 'panel account-reset__confirm', id: 'account-reset-panel', hidden: true }),
          ]),
    ]);
  }

  /* A new one-time password ends the officer's sessions: it is asked for twice, as closing a conversation is. */
  function toggleResetConfirm() {
    const panel = byId('account-reset-panel');
    const button = byId('account-reset');
    const officer = state.accountEdit && findAccount(state.accountEdit.id);
    if (!panel || !button || !officer) return;
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open) {
      panel.replaceChildren();
      button.focus();
      return;
    }
    panel.replaceChildren(
      h('p', { id: 'account-reset-question' }, t('resetConfirm', { username: officer.username })),
      h('div', { class: 'buttons' }, [
        h('button', { type: 'button', class: 'button button--danger', id: 'account-reset-confirm', 'aria-describedby': 'account-reset-question', on: { click: resetAccountPassword } }, t('resetYes')),
        h('button', { type: 'button', class: 'button', id: 'account-reset-cancel', on: { click: toggleResetConfirm } }, t('cancel')),
      ]),
    );
    byId('account-reset-confirm').focus();
  }

  async function resetAccountPassword() {
    const officer = state.accountEdit && findAccount(state.accountEdit.id);
    if (!officer) return;
    const button = byId('account-reset-confirm');
    if (button) button.disabled = true;
    try {
      const data = await api('POST', '/officers/' + encodeURIComponent(officer.id) + '/password');
      replaceAccount(data.officer);
      state.oneTime = { username: data.officer.username, password: data.password, reset: true };
      state.accountEdit = null;
      state.accountsNotice = null;
      if (state.route.name !== 'accounts') return;
      fillAccountRows();
      renderAccountEditor();
      renderAccountsNotice();
      renderOneTime();
      focusOneTime();
    } catch (failure) {
      if (failure.status === 401 || failure.code === 'password-change-required') return;
      const error = byId('account-edit-error');
      if (error) showAccountError(error, failure);
      const again = byId('account-reset-confirm');
      if (again) again.disabled = false;
    }
  }

  /* The service's refusals of a change to an account, in the page's words; what it alone can say, as it said it. */
  function showAccountError(element, failure) {
    const message = failure.message || '';
    let text = '';
    const details = failure.details || {};
    switch (failure.code) {
      case 'conflict':
        if (details.conflict === 'own-account') text = t('ownAccountRefused');
        break;
      case 'not-found':
        text = t('accountNotFound');
        break;
      case 'unknown-centre':
        text = details.codes && details.codes.length ? t('unknownCentres', { codes: details.codes.join(', ') }) : t('unknownCentre');
        break;
      case 'validation':
        if (details.field === 'displayName') text = t('displayNameRequired');
        else if (details.rule === 'centres-required') text = t('centresRequired');
        else if (details.field === 'role') text = t('roleInvalid');
        break;
      default:
        break;
    }
    if (!text && failure.status >= 400 && failure.status < 500 && failure.status !== 403 && failure.status !== 429 && message) {
      element.replaceChildren(h('p', null, [t('accountRefused') + ' ', h('span', { lang: 'en' }, message)]));
      return;
    }
    element.replaceChildren(h('p', null, text || errorText(failure)));
  }

  /* ----- A new account ----- */

  function accountForm() {
    const error = h('p', { class: 'form-error', role: 'alert', id: 'account-error' });
    const username = h('input', { id: 'account-username', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: '32', 'aria-describedby': 'account-username-hint', required: true });
    const displayName = h('input', { id: 'account-display-name', autocomplete: 'off', maxlength: '100', required: true });
    const role = h(
      'select',
      { id: 'account-role' },
      ROLES.map(function (value) {
        return h('option', { value: value }, t('role_' + value));
      }),
    );
    const centres = h('input', { id: 'account-centres', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'account-centres-hint' });
    async function submit(event) {
      event.preventDefault();
      error.textContent = '';
      const codes = parseCentreCodes(centres.value);
      if (role.value !== 'admin' && codes.length === 0) {
        error.textContent = t('centresRequired');
        centres.focus();
        return;
      }
      const button = event.target.querySelector('button[type="submit"]');
      button.disabled = true;
      try {
        const data = await api('POST', '/officers', { username: username.value.trim(), displayName: displayName.value.trim(), role: role.value, centres: role.value === 'admin' ? [] : codes });
        state.oneTime = { username: data.officer.username, password: data.password, reset: false };
        state.accounts = (state.accounts || []).concat([data.officer]);
        state.accountsNotice = null;
        renderAccounts();
        focusOneTime();
      } catch (failure) {
        error.textContent = failure.status === 400 && failure.code !== 'validation' ? t('accountInvalid') + ' (' + failure.code + ')' : errorText(failure);
        button.disabled = false;
      }
    }
    return h('form', { class: 'account-form', novalidate: true, 'aria-labelledby': 'account-form-title', on: { submit: submit } }, [
      h('h3', { class: 'section-title', id: 'account-form-title' }, t('createAccount')),
      h('div', { class: 'grid' }, [
        h('div', { class: 'field' }, [h('label', { for: 'account-username' }, t('username')), username, h('p', { class: 'hint', id: 'account-username-hint' }, t('usernameHint'))]),
        h('div', { class: 'field' }, [h('label', { for: 'account-display-name' }, t('displayName')), displayName]),
        h('div', { class: 'field' }, [h('label', { for: 'account-role' }, t('role')), role]),
        h('div', { class: 'field' }, [h('label', { for: 'account-centres' }, t('centres')), centres, h('p', { class: 'hint', id: 'account-centres-hint' }, t('centresHint'))]),
      ]),
      error,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'button button--primary' }, t('create'))),
    ]);
  }

  /* ---------- The audit log (admins) ---------- */

  function auditPath(filter, before) {
    const query = new URLSearchParams();
    if (filter.actor) query.set('actor', filter.actor);
    if (filter.target) query.set('target', filter.target);
    if (before) query.set('before', before);
    query.set('limit', String(AUDIT_PAGE));
    return '/audit?' + query.toString();
  }

  async function openAudit() {
    if (!isAdmin()) {
      state.audit = null;
      setDetail(h('p', { class: 'form-error', role: 'alert' }, t('forbidden')));
      return;
    }
    const audit = { officers: [], filter: { actor: '', target: '' }, draft: null, entries: [], more: false, loading: true, loadingMore: false, error: null, moreError: null, serial: 0 };
    state.audit = audit;
    setDetail(h('p', { class: 'loading' }, t('loading')));
    /* The accounts name the officers to filter by; without them the log is still read, everyone's. */
    const officers = api('GET', '/officers', undefined, { quiet: true })
      .then(function (data) {
        return Array.isArray(data.officers) ? data.officers : [];
      })
      .catch(function () {
        return [];
      });
    await loadAuditPage(audit, false);
    audit.officers = await officers;
    if (state.audit !== audit || state.route.name !== 'audit') return;
    /* A password to change: api() has already shown that screen. */
    if (audit.error && audit.error.code === 'password-change-required') return;
    renderAudit();
    focusHeading();
  }

  /*
   * One page of entries: the newest (a new filter), or those after the last one shown (append). A call overtaken
   * by a newer one (the filter applied again) leaves the state alone and answers null, as a failed one does.
   */
  async function loadAuditPage(audit, append) {
    audit.serial += 1;
    const serial = audit.serial;
    const last = append && audit.entries.length ? audit.entries[audit.entries.length - 1].id : undefined;
    if (append) {
      audit.loadingMore = true;
      audit.moreError = null;
    } else {
      audit.loading = true;
      audit.error = null;
    }
    const current = function () {
      return state.audit === audit && audit.serial === serial;
    };
    try {
      const data = await api('GET', auditPath(audit.filter, last));
      if (!current()) return null;
      const page = Array.isArray(data.entries) ? data.entries : [];
      audit.entries = append ? audit.entries.concat(page) : page;
      /* A page shorter than asked for is the last one. */
      audit.more = page.length >= AUDIT_PAGE;
      return page;
    } catch (error) {
      if (!current()) return null;
      if (append) {
        audit.moreError = error;
      } else {
        audit.error = error;
        audit.entries = [];
        audit.more = false;
      }
      return null;
    } finally {
      if (current()) {
        audit.loading = false;
        audit.loadingMore = false;
      }
    }
  }

  /* The whole screen. Applying a filter or loading more redraws only the entries, so the focus stays where it is. */
  function renderAudit() {
    const audit = state.audit;
    if (state.route.name !== 'audit' || !audit) return;
    setDetail([
      h('h2', { id: 'audit-title' }, t('auditTitle')),
      h('p', { class: 'hint audit-intro' }, t('auditIntro')),
      auditFilterForm(audit),
      h('div', { id: 'audit-results', class: 'audit-results' }),
    ]);
    renderAuditResults();
  }

  /* The filter fields as typed, kept across a redraw of the whole screen (another language). */
  function keepAuditDraft() {
    const actor = byId('audit-actor');
    const target = byId('audit-target');
    if (!state.audit || !actor || !target) return;
    state.audit.draft = { actor: actor.value, target: target.value };
  }

  /* An account as the filter names it: "สมศรี ใจงาม (somsri)"; a disabled one says so (its entries stay in the log). */
  function auditOfficerLabel(officer) {
    const name = (officer.displayName || officer.username) + (officer.displayName && officer.username ? ' (' + officer.username + ')' : '');
    return officer.disabled ? name + ' · ' + t('accountDisabled') : name;
  }

  function auditFilterForm(audit) {
    const values = audit.draft || audit.filter;
    const officers = audit.officers.slice().sort(function (a, b) {
      return String(a.displayName || a.username || '').localeCompare(String(b.displayName || b.username || ''), LOCALES[state.lang]);
    });
    const actor = h(
      'select',
      { id: 'audit-actor' },
      [h('option', { value: '' }, t('auditEveryone'))]
        .concat(
          officers.map(function (officer) {
            return h('option', { value: officer.id }, auditOfficerLabel(officer));
          }),
        )
        /* Not accounts, but in the log all the same: what the service did by itself, and sign-ins that named no account. */
        .concat([h('option', { value: 'system' }, t('auditSystem')), h('option', { value: 'anonymous' }, t('auditAnonymous'))]),
    );
    actor.value = values.actor;
    if (actor.value !== values.actor) {
      /* An account no longer listed: still the filter applied, by its id. */
      actor.appendChild(h('option', { value: values.actor }, values.actor));
      actor.value = values.actor;
    }
    const target = h('input', { id: 'audit-target', type: 'search', autocomplete: 'off', spellcheck: 'false', maxlength: '300', 'aria-describedby': 'audit-target-hint' });
    target.value = values.target;
    return h('form', { class: 'audit-filters', id: 'audit-filters', role: 'search', novalidate: true, 'aria-label': t('auditFilters'), on: { submit: applyAuditFilter } }, [
      h('div', { class: 'audit-filters__row' }, [
        h('div', { class: 'field' }, [h('label', { for: 'audit-actor' }, t('auditActor')), actor]),
        h('div', { class: 'field' }, [h('label', { for: 'audit-target' }, t('auditTarget')), target, h('p', { class: 'hint', id: 'audit-target-hint' }, t('auditTargetHint'))]),
        h('button', { type: 'submit', class: 'button button--primary audit-filters__apply', id: 'audit-apply' }, t('auditApply')),
      ]),
    ]);
  }

  /* A tracking number is typed loosely, as citizens give it (spaces, lower case); any other target exactly as it is logged. */
  function tidyAuditTarget(value) {
    const trimmed = String(value).trim();
    const compact = trimmed.replace(/\s+/g, '');
    return /^dd-\d{4}-[0-9a-z]+$/i.test(compact) ? compact.toUpperCase() : trimmed;
  }

  async function applyAuditFilter(event) {
    event.preventDefault();
    const audit = state.audit;
    if (!audit) return;
    const target = byId('audit-target');
    audit.filter = { actor: byId('audit-actor').value, target: tidyAuditTarget(target.value) };
    audit.draft = null;
    target.value = audit.filter.target;
    const button = byId('audit-apply');
    button.disabled = true;
    const loaded = loadAuditPage(audit, false);
    renderAuditResults();
    await loaded;
    if (state.audit !== audit || state.route.name !== 'audit') return;
    const again = byId('audit-apply');
    if (again) again.disabled = false;
    if (audit.loading) return;
    renderAuditResults();
    if (!audit.error) announce(audit.entries.length ? t('auditCount', { count: audit.entries.length }) : t('auditEmpty'));
  }

  function renderAuditResults() {
    const container = byId('audit-results');
    const audit = state.audit;
    if (!container || !audit) return;
    if (audit.loading) {
      container.replaceChildren(h('p', { class: 'loading' }, t('loading')));
      return;
    }
    if (audit.error) {
      /* A lapsed session or a password to change: api() has already shown the right screen. */
      container.replaceChildren(h('p', { class: 'form-error', role: 'alert', id: 'audit-error' }, errorText(audit.error)));
      return;
    }
    if (audit.entries.length === 0) {
      container.replaceChildren(h('p', { class: 'audit-empty', id: 'audit-empty' }, t('auditEmpty')));
      return;
    }
    container.replaceChildren(
      h('div', { class: 'table-wrap' }, [
        h('table', { class: 'table table--audit', id: 'audit-table' }, [
          h('caption', { class: 'visually-hidden' }, t('auditTitle')),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('colAuditTime'), t('colAuditWho'), t('colAuditWhat'), t('colAuditTarget'), t('colAuditDetails')].map(function (label) {
                return h('th', { scope: 'col' }, label);
              }),
            ),
          ),
          h('tbody', { id: 'audit-rows' }, audit.entries.map(auditRow)),
        ]),
      ]),
      h('p', { class: 'hint audit-count', id: 'audit-count', role: 'status' }, t('auditCount', { count: audit.entries.length })),
      h('p', { class: 'form-error', id: 'audit-more-error', role: 'alert' }, audit.moreError ? errorText(audit.moreError) : ''),
      h('div', { class: 'buttons audit-more' }, [
        h('button', { type: 'button', class: 'button', id: 'audit-more', hidden: !audit.more, disabled: audit.loadingMore, on: { click: loadMoreAudit } }, audit.loadingMore ? t('loading') : t('auditLoadMore')),
      ]),
    );
  }

  /* The next page, added under the rows shown; the focus stays on the button, or goes to the first new row once there is no more. */
  async function loadMoreAudit() {
    const audit = state.audit;
    if (!audit || audit.loading || audit.loadingMore || !audit.more) return;
    const button = byId('audit-more');
    button.disabled = true;
    button.textContent = t('loading');
    byId('audit-more-error').textContent = '';
    const page = await loadAuditPage(audit, true);
    if (state.audit !== audit || state.route.name !== 'audit' || audit.loading) return;
    const body = byId('audit-rows');
    const more = byId('audit-more');
    if (!body || !more) return;
    more.disabled = false;
    more.textContent = t('auditLoadMore');
    if (!page) {
      if (audit.moreError) byId('audit-more-error').textContent = errorText(audit.moreError);
      return;
    }
    const rows = page.map(auditRow);
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    byId('audit-count').textContent = t('auditCount', { count: audit.entries.length });
    more.hidden = !audit.more;
    if (audit.more) return;
    const next = rows.length ? rows[0] : byId('audit-count');
    next.setAttribute('tabindex', '-1');
    next.focus();
  }

  function auditRow(entry) {
    const time = toTime(entry.at);
    return h('tr', { class: 'audit-row', 'data-id': entry.id, 'data-action': entry.action }, [
      h('td', { class: 'audit-time' }, time === undefined ? '' : h('time', { datetime: new Date(time).toISOString() }, formatDateTime(time))),
      h('td', { class: 'audit-who' }, auditActorName(entry)),
      h('td', { class: 'audit-what' }, auditActionText(entry.action)),
      h('td', { class: 'audit-target' }, auditTarget(entry)),
      h('td', { class: 'audit-details' }, auditDetails(entry.details)),
    ]);
  }

  /* Who acted: the officer's name as the service gives it, or their id; the service itself, or a sign-in that named no account. */
  function auditActorName(entry) {
    if (entry.actor === 'system') return t('auditSystem');
    if (entry.actor === 'anonymous') return t('auditAnonymous');
    return String(entry.actorName || entry.actor || '');
  }

  /* The action in words; a code this page does not know is shown as it is. */
  function auditActionText(action) {
    return AUDIT_ACTIONS.indexOf(action) === -1 ? String(action || '') : t('audit_' + action);
  }

  /* What was acted on: a conversation or a complaint opens from here; anything else is the log's own text. */
  function auditTarget(entry) {
    const action = String(entry.action || '');
    const target = entry.target === undefined || entry.target === null ? '' : String(entry.target);
    if (action.indexOf('handoff.') === 0 && entry.conversation) return h('a', { class: 'link', href: conversationHash(entry.conversation) }, target || String(entry.conversation));
    if (action.indexOf('complaint.') === 0 && target) return h('a', { class: 'link', href: '#/complaint/' + encodeURIComponent(target) }, target);
    /* Sessions and accounts are acted on by account id: the account's name and username say more. */
    if (action.indexOf('account.') === 0 || action.indexOf('session.') === 0) {
      const account = ((state.audit && state.audit.officers) || []).find(function (officer) {
        return officer.id === target;
      });
      if (account) return account.displayName + ' (' + account.username + ')';
    }
    return target;
  }

  /* Details are codes and ids, shown compactly as the log has them: "from: 50, to: 5015". */
  function auditDetails(details) {
    if (details === undefined || details === null) return '';
    if (typeof details !== 'object') return String(details);
    return Object.keys(details)
      .map(function (key) {
        const value = details[key];
        return key + ': ' + (value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value));
      })
      .join(', ');
  }

  /* ---------- Office hours (every officer reads them; admins change them) ---------- */

  /* Today's date in Bangkok as the calendar writes dates ("2026-11-24"): it separates upcoming holidays from past ones. */
  function bangkokToday() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  }

  /* A real calendar day written YYYY-MM-DD: 2026-02-30 does not come back as itself (the service checks the same). */
  function isCalendarDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const parsed = new Date(value + 'T00:00:00Z');
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }

  /*
   * The weekday, day, month and year of an instant in the page's language, from the browser's own calendar data
   * (the Thai locale counts years in the Buddhist era). The order they are written in is the page's (TEXTS
   * longDay), the same as the bot tells citizens (lib/thai/dates.ts), whatever the browser's version would add.
   */
  function longDayParts(date, timeZone) {
    const parts = {};
    new Intl.DateTimeFormat(LOCALES[state.lang], { timeZone: timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      .formatToParts(date)
      .forEach(function (part) {
        if (part.type !== 'literal') parts[part.type] = part.value;
      });
    return parts;
  }

  /* A calendar date ("2026-12-07") with its weekday: "วันจันทร์ที่ 7 ธันวาคม 2569", "Monday, 7 December 2026". */
  function formatLongDay(value) {
    if (!isCalendarDate(value)) return value || '';
    return t('longDay', longDayParts(new Date(value + 'T00:00:00Z'), 'UTC'));
  }

  /* An instant as Bangkok's date and time: "วันจันทร์ที่ 30 พฤศจิกายน 2569 เวลา 08:30 น.", "Monday, 30 November 2026, 08:30". */
  function formatOpening(value) {
    const time = toTime(value);
    if (time === undefined) return '';
    const at = new Date(time);
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    return t('longDayTime', { date: t('longDay', longDayParts(at, 'Asia/Bangkok')), time: clock });
  }

  /* One day's openings as admins write them: "08:30–16:30", or "08:30–12:00, 13:00–16:30". */
  function formatSpans(spans) {
    return (Array.isArray(spans) ? spans : [])
      .map(function (span) {
        return span.start + '–' + span.end;
      })
      .join(', ');
  }

  function twoDigits(value) {
    return value.length === 1 ? '0' + value : value;
  }

  /*
   * What an admin typed for one day, as { spans } or { problem }. Either dash is taken, and "8.30" as Thai offices
   * often write it; the times go to the service as HH:mm, the only form it accepts. Empty means closed all day.
   */
  function parseSpans(text) {
    const pieces = String(text)
      .split(',')
      .map(function (piece) {
        return piece.trim();
      })
      .filter(Boolean);
    const spans = [];
    for (let i = 0; i < pieces.length; i += 1) {
      const match = /^(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})$/.exec(pieces[i]);
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59 || Number(match[3]) > 23 || Number(match[4]) > 59) return { problem: t('errSpanFormat') };
      const start = twoDigits(match[1]) + ':' + match[2];
      const end = twoDigits(match[3]) + ':' + match[4];
      /* HH:mm strings sort as the times they are. */
      if (start >= end) return { problem: t('errSpanOrder', { span: start + '–' + end }) };
      spans.push({ start: start, end: end });
    }
    if (spans.length > MAX_SPANS_PER_DAY) return { problem: t('errTooManySpans') };
    return { spans: spans };
  }

  /* Upcoming holidays (today included) first, the past ones apart; a row an admin just added stays with the upcoming. */
  function splitHolidays(holidays) {
    const today = bangkokToday();
    const split = { upcoming: [], past: [] };
    holidays.forEach(function (holiday) {
      const upcoming = holiday.added || !holiday.date || holiday.date >= today;
      split[upcoming ? 'upcoming' : 'past'].push(holiday);
    });
    return split;
  }

  async function openHours() {
    setDetail(h('p', { class: 'loading' }, t('loading')));
    try {
      const data = await api('GET', '/office-hours');
      if (state.route.name !== 'hours') return;
      state.hours = { data: data, draft: null, noticeKey: '', pastOpen: false };
      renderHours();
      focusHeading();
    } catch (error) {
      if (state.route.name !== 'hours') return;
      if (error.status !== 401 && error.code !== 'password-change-required') setDetail(h('p', { class: 'form-error', role: 'alert' }, errorText(error)));
    }
  }

  function renderHours() {
    if (state.route.name !== 'hours' || !state.hours) return;
    const data = state.hours.data;
    const calendar = data.calendar || { weekly: [], holidays: [] };
    setDetail([
      h('h2', { id: 'hours-title' }, t('hoursTitle')),
      h('p', { class: 'hint hours-intro' }, t('hoursIntro')),
      hoursStatus(data),
      isAdmin() ? hoursForm(calendar) : hoursReadOnly(calendar),
    ]);
  }

  /*
   * The screen may stay open across an opening or a closing: once a minute the status alone is asked for again
   * and replaced, leaving the calendar and any edits being made untouched.
   */
  async function refreshHoursStatus() {
    if (state.route.name !== 'hours' || !state.hours || !state.hours.data || !byId('hours-status')) return;
    try {
      const data = await api('GET', '/office-hours');
      if (state.route.name !== 'hours' || !state.hours || !state.hours.data) return;
      state.hours.data.openNow = data.openNow;
      state.hours.data.nextOpening = data.nextOpening;
      const shown = byId('hours-status');
      const fresh = hoursStatus(state.hours.data);
      if (shown && fresh) shown.replaceWith(fresh);
    } catch (error) {
      /* A failed refresh leaves the last status shown; the stream's reconnect tells the officer about the network. */
    }
  }

  /* Whether officers answer live right now, and if not, when they next do. */
  function hoursStatus(data) {
    if (typeof data.openNow !== 'boolean') return null;
    let next = null;
    if (!data.openNow) next = typeof data.nextOpening === 'number' ? t('nextOpeningAt', { when: formatOpening(data.nextOpening) }) : t('noNextOpening');
    return h('section', { class: 'hours-status hours-status--' + (data.openNow ? 'open' : 'closed'), id: 'hours-status', 'aria-label': t('hoursStatus') }, [
      h('p', { class: 'hours-status__now' }, t(data.openNow ? 'openNow' : 'closedNow')),
      next ? h('p', { class: 'hours-status__next' }, next) : null,
    ]);
  }

  function hoursReadOnly(calendar) {
    const weekly = Array.isArray(calendar.weekly) ? calendar.weekly : [];
    const holidays = splitHolidays(Array.isArray(calendar.holidays) ? calendar.holidays : []);
    return [
      h('section', { class: 'hours-section', 'aria-labelledby': 'weekly-title' }, [
        h('h3', { class: 'section-title', id: 'weekly-title' }, t('weeklyTitle')),
        h(
          'table',
          { class: 'table table--hours table--week', id: 'weekly-table' },
          [
            h('caption', { class: 'visually-hidden' }, t('weeklyTitle')),
            h('thead', null, h('tr', null, [h('th', { scope: 'col' }, t('colDay')), h('th', { scope: 'col' }, t('colHours'))])),
            h(
              'tbody',
              null,
              WEEK_ORDER.map(function (day) {
                const spans = weekly[day] || [];
                return h('tr', { 'data-day': String(day) }, [h('th', { scope: 'row' }, t('day_' + day)), h('td', { class: spans.length ? undefined : 'closed-day' }, spans.length ? formatSpans(spans) : t('closedDay'))]);
              }),
            ),
          ],
        ),
      ]),
      h('section', { class: 'hours-section', 'aria-labelledby': 'holidays-title' }, [
        h('h3', { class: 'section-title', id: 'holidays-title' }, t('holidaysTitle')),
        h('p', { class: 'hint' }, t('holidaysHint')),
        holidays.upcoming.length ? holidayTable('holidays-upcoming', t('upcomingHolidays'), holidays.upcoming) : h('p', null, t('noUpcomingHolidays')),
        holidays.past.length ? pastHolidays(holidays.past.length, holidayTable('holidays-past', t('pastHolidays', { count: holidays.past.length }), holidays.past)) : null,
        h('p', { class: 'hint' }, t('estimateHint')),
      ]),
      h('p', { class: 'hint hours-readonly' }, t('hoursReadOnly')),
    ];
  }

  /* Past holidays stay out of the way, folded; a native <details> opens with Enter or Space. */
  function pastHolidays(count, table) {
    return h(
      'details',
      {
        class: 'past-holidays',
        id: 'past-holidays',
        open: state.hours && state.hours.pastOpen,
        on: {
          toggle: function (event) {
            if (state.hours) state.hours.pastOpen = event.target.open;
          },
        },
      },
      [h('summary', { id: 'past-holidays-summary' }, t('pastHolidays', { count: count })), table],
    );
  }

  /* To read, both names share a column (the pane beside the queue is narrow); to edit, each has its own. */
  function holidayHead(editable) {
    const labels = editable ? [t('colDate'), t('colNameTh'), t('colNameEn'), t('colEstimate')] : [t('colDate'), t('colHoliday'), t('colNote')];
    return h(
      'thead',
      null,
      h(
        'tr',
        null,
        labels
          .map(function (label) {
            return h('th', { scope: 'col' }, label);
          })
          .concat(editable ? [h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('colActions')))] : []),
      ),
    );
  }

  /* Holidays to read: the names are the admins' words, shown as text, each in its own language. */
  function holidayTable(id, caption, holidays) {
    return h('div', { class: 'table-wrap' }, [
      h('table', { class: 'table table--hours', id: id }, [
        h('caption', { class: 'visually-hidden' }, caption),
        holidayHead(false),
        h(
          'tbody',
          null,
          holidays.map(function (holiday) {
            return h('tr', { 'data-date': holiday.date }, [
              h('td', { class: 'holiday-date-text' }, h('time', { datetime: holiday.date }, formatLongDay(holiday.date))),
              h('td', null, [h('span', { class: 'holiday-name', lang: 'th' }, holiday.nameTh), h('span', { class: 'holiday-name holiday-name--en', lang: 'en' }, holiday.nameEn)]),
              h('td', null, holiday.estimate ? h('span', { class: 'badge badge--estimate' }, t('estimate')) : ''),
            ]);
          }),
        ),
      ]),
    ]);
  }

  /* ----- The admins' form ----- */

  /* Every row gets ids of its own, so that labels, error messages and focus find its fields. */
  let holidayRowSerial = 0;

  function hoursForm(calendar) {
    const weekly = Array.isArray(calendar.weekly) ? calendar.weekly : [];
    const draft = state.hours.draft || {
      weekly: [0, 1, 2, 3, 4, 5, 6].map(function (day) {
        return formatSpans(weekly[day]);
      }),
      holidays: (Array.isArray(calendar.holidays) ? calendar.holidays : []).map(function (holiday) {
        return { date: holiday.date, nameTh: holiday.nameTh, nameEn: holiday.nameEn, estimate: Boolean(holiday.estimate), added: false };
      }),
    };
    const holidays = splitHolidays(draft.holidays);
    const notice = h('p', { class: 'notice', id: 'hours-notice', role: 'status' }, state.hours.noticeKey ? t(state.hours.noticeKey) : '');
    const form = h(
      'form',
      {
        id: 'hours-form',
        class: 'hours-form',
        novalidate: true,
        'aria-labelledby': 'hours-title',
        on: {
          submit: saveHours,
          /* "Saved" no longer holds once something is changed again. */
          input: function () {
            state.hours.noticeKey = '';
            notice.textContent = '';
          },
        },
      },
      [
        h('fieldset', { class: 'hours-week' }, [
          h('legend', { class: 'section-title', id: 'weekly-title' }, t('weeklyTitle')),
          h('p', { class: 'hint', id: 'hours-day-hint' }, t('dayHoursHint')),
          h(
            'div',
            { class: 'grid hours-days' },
            WEEK_ORDER.map(function (day) {
              return dayField(day, draft.weekly[day] || '');
            }),
          ),
        ]),
        h('section', { class: 'hours-section', 'aria-labelledby': 'holidays-title' }, [
          h('h3', { class: 'section-title', id: 'holidays-title' }, t('holidaysTitle')),
          h('p', { class: 'hint' }, t('holidaysHint')),
          holidayEditTable('holidays-upcoming', t('upcomingHolidays'), holidays.upcoming),
          h('p', { class: 'hint', id: 'holidays-none', hidden: holidays.upcoming.length > 0 }, t('noUpcomingHolidays')),
          h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'button', id: 'holiday-add', on: { click: addHolidayRow } }, t('addHoliday'))),
          holidays.past.length ? pastHolidays(holidays.past.length, holidayEditTable('holidays-past', t('pastHolidays', { count: holidays.past.length }), holidays.past)) : null,
          h('p', { class: 'hint' }, t('estimateHint')),
        ]),
        h('div', { class: 'form-error', id: 'hours-error', role: 'alert' }),
        notice,
        h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'button button--primary', id: 'hours-save' }, t('saveHours'))),
      ],
    );
    numberHolidayRows(form);
    return form;
  }

  function dayField(day, value) {
    const id = 'hours-day-' + day;
    const input = h('input', { id: id, class: 'hours-day', autocomplete: 'off', spellcheck: 'false', maxlength: '120', 'aria-describedby': 'hours-day-hint ' + id + '-error' });
    input.value = value;
    return h('div', { class: 'field' }, [h('label', { for: id }, t('day_' + day)), input, h('p', { class: 'field-error', id: id + '-error' })]);
  }

  function holidayEditTable(id, caption, holidays) {
    return h('div', { class: 'table-wrap' }, [
      h('table', { class: 'table table--hours table--edit', id: id }, [h('caption', { class: 'visually-hidden' }, caption), holidayHead(true), h('tbody', { id: id + '-rows' }, holidays.map(holidayEditRow))]),
    ]);
  }

  /* One holiday as inputs. The labels name the column and the row (numberHolidayRows), for screen readers; sighted admins read the column headings. */
  function holidayEditRow(holiday) {
    holidayRowSerial += 1;
    const id = 'holiday-' + holidayRowSerial;
    function cell(field, control) {
      return h('td', { class: 'holiday-cell holiday-cell--' + field }, [
        h('label', { for: id + '-' + field, class: 'visually-hidden', 'data-field': field }),
        control,
        field === 'estimate' ? null : h('p', { class: 'field-error', id: id + '-' + field + '-error' }),
      ]);
    }
    const date = h('input', { id: id + '-date', class: 'holiday-date', type: 'date', required: true, 'aria-describedby': id + '-date-error' });
    date.value = holiday.date || '';
    const nameTh = h('input', { id: id + '-nameTh', class: 'holiday-name-th', lang: 'th', autocomplete: 'off', maxlength: String(MAX_HOLIDAY_NAME), required: true, 'aria-describedby': id + '-nameTh-error' });
    nameTh.value = holiday.nameTh || '';
    const nameEn = h('input', { id: id + '-nameEn', class: 'holiday-name-en', lang: 'en', autocomplete: 'off', maxlength: String(MAX_HOLIDAY_NAME), required: true, 'aria-describedby': id + '-nameEn-error' });
    nameEn.value = holiday.nameEn || '';
    const estimate = h('input', { id: id + '-estimate', class: 'holiday-estimate', type: 'checkbox' });
    estimate.checked = Boolean(holiday.estimate);
    const row = h('tr', { class: 'holiday-row', 'data-added': holiday.added ? 'true' : undefined }, [
      cell('date', date),
      cell('nameTh', nameTh),
      cell('nameEn', nameEn),
      cell('estimate', estimate),
      h('td', { class: 'holiday-cell holiday-cell--remove' }, h('button', {
        type: 'button',
        class: 'button button--small button--danger holiday-remove',
        on: {
          click: function () {
            removeHolidayRow(row);
          },
        },
      }, t('removeHoliday'))),
    ]);
    return row;
  }

  /* Rows are numbered in the order they are shown (upcoming, then past): labels, Remove buttons and the past count follow every change. */
  function numberHolidayRows(root) {
    const columns = { date: 'colDate', nameTh: 'colNameTh', nameEn: 'colNameEn', estimate: 'colEstimate' };
    root.querySelectorAll('.holiday-row').forEach(function (row, index) {
      const n = index + 1;
      row.setAttribute('data-row', String(n));
      row.querySelectorAll('label[data-field]').forEach(function (label) {
        label.textContent = t('rowField', { field: t(columns[label.getAttribute('data-field')]), n: n });
      });
      row.querySelector('.holiday-remove').setAttribute('aria-label', t('removeHolidayRow', { n: n }));
    });
    const past = root.querySelector('#holidays-past-rows');
    const summary = root.querySelector('#past-holidays-summary');
    if (past && summary) summary.textContent = t('pastHolidays', { count: past.children.length });
    const none = root.querySelector('#holidays-none');
    const upcoming = root.querySelector('#holidays-upcoming-rows');
    if (none && upcoming) none.hidden = upcoming.children.length > 0;
  }

  function addHolidayRow() {
    const form = byId('hours-form');
    const row = holidayEditRow({ date: '', nameTh: '', nameEn: '', estimate: false, added: true });
    byId('holidays-upcoming-rows').appendChild(row);
    numberHolidayRows(form);
    row.querySelector('.holiday-date').focus();
  }

  function removeHolidayRow(row) {
    const form = byId('hours-form');
    /* The focus moves to a neighbour's Remove button (or to Add), never back to the top of the page. */
    const neighbour = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    numberHolidayRows(form);
    (neighbour ? neighbour.querySelector('.holiday-remove') : byId('holiday-add')).focus();
    announce(t('holidayRemoved'));
  }

  /* What the form holds now, Sunday first like the API; each holiday keeps its fields' ids to point at problems. */
  function readHoursForm() {
    const form = byId('hours-form');
    return {
      weekly: [0, 1, 2, 3, 4, 5, 6].map(function (day) {
        return byId('hours-day-' + day).value;
      }),
      holidays: Array.from(form.querySelectorAll('.holiday-row')).map(function (row) {
        const date = row.querySelector('.holiday-date');
        const nameTh = row.querySelector('.holiday-name-th');
        const nameEn = row.querySelector('.holiday-name-en');
        return {
          date: date.value,
          nameTh: nameTh.value,
          nameEn: nameEn.value,
          estimate: row.querySelector('.holiday-estimate').checked,
          added: row.getAttribute('data-added') === 'true',
          ids: { date: date.id, nameTh: nameTh.id, nameEn: nameEn.id },
        };
      }),
    };
  }

  /*
   * The calendar to send, and what is wrong with the form, checked as the service will check it (so that an
   * admin reads the problem in their language, next to its field): { calendar, problems: [{ id, where, message }] }.
   */
  function checkHours(draft) {
    const problems = [];
    const weekly = [[], [], [], [], [], [], []];
    WEEK_ORDER.forEach(function (day) {
      const parsed = parseSpans(draft.weekly[day]);
      if (parsed.problem) problems.push({ id: 'hours-day-' + day, where: t('day_' + day), message: parsed.problem });
      else weekly[day] = parsed.spans;
    });
    /* A week with no opening would turn every citizen's request into a question for a day that never comes. */
    if (problems.length === 0 && weekly.every(function (spans) {
      return spans.length === 0;
    })) {
      problems.push({ id: 'hours-day-1', where: t('weeklyTitle'), message: t('errNoOpening') });
    }
    if (draft.holidays.length > MAX_HOLIDAYS) problems.push({ id: 'holiday-add', where: t('holidaysTitle'), message: t('errTooManyHolidays') });
    const seen = {};
    const holidays = draft.holidays.map(function (holiday, index) {
      const where = t('holidayRow', { n: index + 1 });
      const date = holiday.date.trim();
      const nameTh = holiday.nameTh.trim();
      const nameEn = holiday.nameEn.trim();
      if (!isCalendarDate(date)) problems.push({ id: holiday.ids.date, where: where, message: t('errDate') });
      else if (seen[date]) problems.push({ id: holiday.ids.date, where: where, message: t('errDateTwice') });
      seen[date] = true;
      if (!nameTh) problems.push({ id: holiday.ids.nameTh, where: where, message: t('errNameTh') });
      else if (nameTh.length > MAX_HOLIDAY_NAME) problems.push({ id: holiday.ids.nameTh, where: where, message: t('errNameLong') });
      if (!nameEn) problems.push({ id: holiday.ids.nameEn, where: where, message: t('errNameEn') });
      else if (nameEn.length > MAX_HOLIDAY_NAME) problems.push({ id: holiday.ids.nameEn, where: where, message: t('errNameLong') });
      return { date: date, nameTh: nameTh, nameEn: nameEn, estimate: holiday.estimate };
    });
    return { calendar: { weekly: weekly, holidays: holidays }, problems: problems };
  }

  function clearHoursProblems() {
    const form = byId('hours-form');
    form.querySelectorAll('[aria-invalid]').forEach(function (field) {
      field.removeAttribute('aria-invalid');
    });
    form.querySelectorAll('.field-error').forEach(function (message) {
      message.textContent = '';
    });
    byId('hours-error').replaceChildren();
    byId('hours-notice').textContent = '';
  }

  /* Each problem next to its field and in the summary (role=alert, read out at once); the focus goes to the first. */
  function showHoursProblems(problems) {
    problems.forEach(function (problem) {
      const field = byId(problem.id);
      const message = byId(problem.id + '-error');
      if (field) field.setAttribute('aria-invalid', 'true');
      if (message && !message.textContent) message.textContent = problem.message;
    });
    byId('hours-error').replaceChildren(
      h('p', null, t('hoursInvalid')),
      h(
        'ul',
        null,
        problems.map(function (problem) {
          return h('li', null, problem.where + ': ' + problem.message);
        }),
      ),
    );
    const first = byId(problems[0].id);
    if (!first) return;
    /* A problem in a past holiday: its folded list is opened first, or the field could not take the focus. */
    const folded = first.closest('details');
    if (folded) folded.open = true;
    first.focus();
  }

  async function saveHours(event) {
    event.preventDefault();
    if (!state.hours) return;
    clearHoursProblems();
    state.hours.noticeKey = '';
    const checked = checkHours(readHoursForm());
    if (checked.problems.length) {
      showHoursProblems(checked.problems);
      return;
    }
    const button = byId('hours-save');
    button.disabled = true;
    try {
      const saved = await api('PUT', '/office-hours', checked.calendar);
      /* The answer is the calendar as stored. Whether officers are in now may have changed with it (a holiday today): that is asked again. */
      const fresh = await api('GET', '/office-hours', undefined, { quiet: true }).catch(function () {
        return null;
      });
      if (!state.hours) return;
      state.hours.data = { calendar: saved.calendar, openNow: fresh ? fresh.openNow : undefined, nextOpening: fresh ? fresh.nextOpening : undefined };
      state.hours.draft = null;
      state.hours.noticeKey = 'hoursSaved';
      if (state.route.name !== 'hours') return;
      renderHours();
      const notice = byId('hours-notice');
      notice.setAttribute('tabindex', '-1');
      notice.focus();
    } catch (failure) {
      /* A lapsed session or a password to change: api() has already shown the right screen. */
      if (failure.status === 401 || failure.code === 'password-change-required') return;
      const summary = byId('hours-error');
      if (summary) {
        /* The service names the first problem in English; the page says in its own language that it was refused. */
        if (failure.status === 400 && failure.message) summary.replaceChildren(h('p', null, [t('hoursRefused') + ' ', h('span', { lang: 'en' }, failure.message)]));
        else summary.replaceChildren(h('p', null, errorText(failure)));
      }
      const again = byId('hours-save');
      if (again) again.disabled = false;
    }
  }

  /* ---------- Language ---------- */

  function applyTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('pageTitle');
    document.querySelectorAll('[data-text]').forEach(function (element) {
      element.textContent = t(element.getAttribute('data-text'));
    });
    document.querySelectorAll('[data-lang]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-lang') === state.lang));
    });
    const sound = byId('sound-toggle');
    sound.setAttribute('aria-pressed', String(state.sound));
    sound.setAttribute('aria-label', t('soundOnLabel'));
    detail().setAttribute('aria-label', t('detailLabel'));
    renderWho();
  }

  function chooseLanguage(lang) {
    if (lang === state.lang || !TEXTS[lang]) return;
    state.lang = lang;
    writeSetting(STORAGE_KEYS.lang, lang);
    applyTexts();
    if (!byId('password-view').hidden) byId('password-intro').textContent = t(state.voluntaryPasswordChange ? 'passwordIntroVoluntary' : 'passwordIntro');
    if (!state.session || byId('work-view').hidden) return;
    renderScope();
    renderQueue();
    rerenderDetail();
  }

  /* Redraws the open view in the new language, keeping what the officer was typing. */
  function rerenderDetail() {
    switch (state.route.name) {
      case 'conversation':
        if (state.conversation && !state.conversation.loading && !state.conversation.notFound) {
          saveDraft();
          renderConversation();
        } else if (state.conversation && state.conversation.notFound) {
          void openConversation(state.conversation.id);
        }
        break;
      case 'complaint':
        if (state.complaint && state.complaint.complaint) renderComplaintRoute();
        else void openComplaintRoute(state.route.number);
        break;
      case 'accounts':
        if (state.accounts) renderAccounts();
        break;
      case 'audit':
        if (state.audit) {
          /* What is typed in the filters but not applied yet survives the change of language. */
          keepAuditDraft();
          renderAudit();
        } else {
          void openAudit();
        }
        break;
      case 'hours':
        if (state.hours) {
          /* An admin's unsaved edits survive the change of language. */
          if (byId('hours-form')) state.hours.draft = readHoursForm();
          renderHours();
        } else {
          void openHours();
        }
        break;
      default:
        renderPlaceholder();
    }
  }

  /* ---------- Start ---------- */

  function wire() {
    byId('signin-form').addEventListener('submit', signIn);
    byId('password-form').addEventListener('submit', changePassword);
    byId('password-cancel').addEventListener('click', function () {
      showView('work-view');
      void route();
    });
    byId('password-button').addEventListener('click', function () {
      showPasswordView(true);
    });
    byId('sign-out').addEventListener('click', signOut);
    byId('notify-button').addEventListener('click', askNotificationPermission);
    byId('sound-toggle').addEventListener('click', function () {
      state.sound = !state.sound;
      writeSetting(STORAGE_KEYS.sound, state.sound ? 'on' : 'off');
      byId('sound-toggle').setAttribute('aria-pressed', String(state.sound));
      if (state.sound) chime();
    });
    document.querySelectorAll('[data-lang]').forEach(function (button) {
      button.addEventListener('click', function () {
        chooseLanguage(button.getAttribute('data-lang'));
      });
    });
    window.addEventListener('hashchange', function () {
      void route();
    });
    document.addEventListener('pointerdown', unlockAudio, { once: true });
    document.addEventListener('keydown', unlockAudio, { once: true });
    window.setInterval(tickWaitingTimes, 15 * 1000);
    window.setInterval(refreshHoursStatus, 60 * 1000);
  }

  async function boot() {
    applyTexts();
    wire();
    try {
      const session = await api('GET', '/session', undefined, { quiet: true });
      await startSession(session);
    } catch (error) {
      showSignIn(error.status === 401 || error.status === 404 ? '' : errorText(error));
    }
  }

  void boot();
})();
